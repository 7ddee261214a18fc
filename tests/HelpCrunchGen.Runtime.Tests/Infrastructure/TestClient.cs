namespace HelpCrunchGen.Runtime.Tests.Infrastructure;

/// <summary>A connection over a <see cref="FakeHandler"/>, and the readers a generated client would pass.</summary>
internal static class TestClient
{
    public const string ApiKey = "hc_live_7f3kS9qLmZ2xW8vB";
    public const string DefaultBaseAddress = "https://api.helpcrunch.test/v1";

    public static readonly int[] Ok = [200];

    public static ApiConnection Create(FakeHandler handler, string? apiKey = ApiKey, Uri? baseAddress = null) =>
        new(new HttpClient(handler), new ApiClientOptions { ApiKey = apiKey, BaseAddress = baseAddress }, DefaultBaseAddress);

    public static Task<Chat> GetChatAsync(ApiConnection connection, CancellationToken cancellationToken = default) =>
        connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "chats/1"), "getChat", Ok, ReadChat, cancellationToken);

    /// <summary>Reads <c>{"id":1,"status":"opened"}</c> the way generated code does: strictly, from the value's first token to its last.</summary>
    public static Chat ReadChat(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }

        long? id = null;
        string? status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "id":
                    id = reader.GetInt64();
                    break;
                case "status":
                    status = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Chat(id ?? throw new JsonException("Missing id."), status ?? throw new JsonException("Missing status."));
    }
}

internal sealed record Chat(long Id, string Status);
