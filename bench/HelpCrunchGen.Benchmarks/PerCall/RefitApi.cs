using Refit;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>The seed call declared for Refit, over the hand-written records.</summary>
public interface IRefitHelpCrunchApi
{
    [Put("/chats/assignee")]
    Task<HandWritten.Chat> UpdateChatAssigneeAsync([Body] HandWritten.UpdateChatAssigneeRequest body, CancellationToken cancellationToken = default);
}
