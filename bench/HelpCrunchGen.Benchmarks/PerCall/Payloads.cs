using System.IO.Compression;
using System.Text.Json.Nodes;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>What the per-call benchmark answers with, and how the bytes travel.</summary>
public enum Scenario
{
    /// <summary>PUT /chats/assignee → the documented chat of the spec (about 1 KB), Content-Length known.</summary>
    Seed,

    /// <summary>GET /chats → a 100-chat page with agents, departments and customers filled in, Content-Length known.</summary>
    List,

    /// <summary>The same page, sent chunked: no Content-Length, the body arrives in 4 KB reads.</summary>
    ListChunked,

    /// <summary>The same page gzip-compressed, decompressed on the way in as <c>AutomaticDecompression</c> does.</summary>
    ListGzip,
}

/// <summary>The response bodies, built once from the spec and from the documentation payloads in tests/data/helpcrunch.</summary>
public static class Payloads
{
    public const int ListPageSize = 100;
    public const long ListTotal = 4350;

    private static readonly Lazy<byte[]> s_list = new(BuildListPage);
    private static readonly Lazy<byte[]> s_listGzip = new(() => Gzip(s_list.Value));

    /// <summary>The body the server sends for a scenario (compressed for <see cref="Scenario.ListGzip"/>).</summary>
    public static byte[] Body(Scenario scenario) => scenario switch
    {
        Scenario.Seed => SpecExamples.ChatJson,
        Scenario.ListGzip => s_listGzip.Value,
        _ => s_list.Value,
    };

    /// <summary>The 100-chat page as UTF-8 JSON (uncompressed).</summary>
    public static byte[] ListPage => s_list.Value;

    /// <summary>
    /// 100 chats shaped like the documented <c>GET /chats</c> chat, each with its own id, status, times and text, a customer
    /// (from the documented customer), two agents and an assignee (the documented agents) and, every other chat, a
    /// documented department with its agents. Timestamps are integers, as the older documentation shows them.
    /// </summary>
    private static byte[] BuildListPage()
    {
        string folder = Path.Combine(SpecExamples.RepositoryRoot, "tests", "data", "helpcrunch");
        JsonObject template = Data(folder, "get-chats.response.json")[0]!.AsObject();
        JsonArray agents = Data(folder, "get-agents.response.json");
        JsonArray departments = Data(folder, "get-departments.response.json");
        JsonObject customer = Data(folder, "get-customers.response.json")[0]!.AsObject();
        // Only one-word statuses: NSwag's client (STJ's enum converter over C# names) throws on "on hold" and "no communication".
        string[] statuses = ["new", "opened", "pending", "closed"];

        var chats = new JsonArray();
        for (int i = 0; i < ListPageSize; i++)
        {
            var chat = (JsonObject)template.DeepClone();
            long created = 1593108596 + (i * 3600);
            chat["id"] = 5217453 + i;
            chat["status"] = statuses[i % statuses.Length];
            chat["createdAt"] = created;
            chat["lastCustomerMessageAt"] = created + 30;
            chat["lastMessageAt"] = created + 600;
            chat["closedAt"] = i % 4 == 3 ? created + 900 : null;
            chat["lastMessageId"] = 7758491 + i;
            chat["lastMessageText"] = $"Message {i}: {template["lastMessageText"]}";
            chat["agents"] = new JsonArray(agents[i % agents.Count]!.DeepClone(), agents[(i + 1) % agents.Count]!.DeepClone());
            chat["customer"] = new JsonObject
            {
                ["id"] = 9740824 + i,
                ["name"] = $"{customer["name"]} {i}",
                ["email"] = $"customer{i}@example.com",
                ["userId"] = $"{customer["userId"]}_{i}",
            };
            chat["assignee"] = agents[i % agents.Count]!.DeepClone();
            chat["department"] = i % 2 == 0 ? departments[(i / 2) % departments.Count]!.DeepClone() : null;
            chats.Add(chat);
        }

        var page = new JsonObject { ["data"] = chats, ["meta"] = new JsonObject { ["total"] = ListTotal } };
        return System.Text.Encoding.UTF8.GetBytes(page.ToJsonString());
    }

    private static JsonArray Data(string folder, string file) =>
        JsonNode.Parse(File.ReadAllBytes(Path.Combine(folder, file)))!["data"]!.AsArray();

    private static byte[] Gzip(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(body);
        }

        return compressed.ToArray();
    }
}
