using Refit;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>The benchmarked calls declared for Refit, over the hand-written records.</summary>
public interface IRefitHelpCrunchApi
{
    [Put("/chats/assignee")]
    Task<HandWritten.Chat> UpdateChatAssigneeAsync([Body] HandWritten.UpdateChatAssigneeRequest body, CancellationToken cancellationToken = default);

    [Get("/chats")]
    Task<HandWritten.ListChatsResponse> ListChatsAsync(CancellationToken cancellationToken = default);
}
