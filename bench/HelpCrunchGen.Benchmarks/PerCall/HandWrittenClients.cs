using System.Net.Http.Json;
using System.Text.Json;

namespace HelpCrunchGen.Benchmarks.HandWritten;

/// <summary>
/// The baseline: the call as it is typically written by hand with HttpClient, its JSON extensions and an STJ
/// source-generated context. Authorization and Accept are default headers of the HttpClient.
/// </summary>
public sealed class TypicalClient(HttpClient httpClient)
{
    public async Task<Chat> UpdateChatAssigneeAsync(UpdateChatAssigneeRequest body, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await httpClient.PutAsJsonAsync("chats/assignee", body, HandJsonContext.Default.UpdateChatAssigneeRequest, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandJsonContext.Default.Chat, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The response body was null.");
    }

    public async Task<ListChatsResponse> ListChatsAsync(CancellationToken cancellationToken = default) =>
        await httpClient.GetFromJsonAsync("chats", HandJsonContext.Default.ListChatsResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The response body was null.");
}
