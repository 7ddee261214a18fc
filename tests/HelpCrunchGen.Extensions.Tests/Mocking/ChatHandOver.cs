using HelpCrunch.Api;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Extensions.Tests.Mocking;

/// <summary>A consumer's own service over the generated client: what a user writes, and wants to unit-test.</summary>
public sealed class ChatHandOver(IHelpCrunchClient helpCrunch)
{
    /// <summary>Assigns the chat to the agent; false when HelpCrunch does not know the chat.</summary>
    public async Task<bool> HandOverAsync(long chatId, long agentId, CancellationToken cancellationToken = default)
    {
        try
        {
            Chat chat = await helpCrunch.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chatId, Assignee = agentId }, cancellationToken);
            return chat.Assignee?.Id == agentId;
        }
        catch (ApiException ex) when (ex.HasCode(HelpCrunchErrorCodes.ChatNotFound))
        {
            return false;
        }
    }
}
