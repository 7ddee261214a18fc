using System.Net;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>
/// The two documented error styles through the generated client: the older pages' one specific code, and the newer
/// pages' <c>invalid_request</c> followed by it. Either way every entry is kept, in order, and the specific code is found.
/// </summary>
public sealed class ErrorStyleEndToEndTests
{
    public static TheoryData<EmulatorErrorStyle> Styles => new() { EmulatorErrorStyle.Old, EmulatorErrorStyle.New };

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task Each_style_keeps_every_entry_and_the_specific_code_is_found(EmulatorErrorStyle style)
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync(o => o.ErrorStyle = style);
        long chat = (await session.NewChatAsync()).Id;

        // Newer pages: invalid_request, then not_found / unauthorized, or the property path of a validation error.
        (string Operation, string OldCode, string NewCode, Func<Task> Call)[] failures =
        [
            ("getChat", HelpCrunchErrorCodes.ChatNotFound, HelpCrunchErrorCodes.NotFound, () => session.Client.GetChatAsync(987_654_321)),
            ("updateChatAssignee", HelpCrunchErrorCodes.InvalidChatValue, "assignee", () => session.Client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chat, Assignee = 999_999 })),
            ("createMessage", HelpCrunchErrorCodes.EntityNotFound, HelpCrunchErrorCodes.NotFound, () => session.Client.CreateMessageAsync(new CreateMessageRequest { Chat = chat, Text = "x", Agent = 999_999, Type = CreateMessageType.Message })),
            ("listChats", HelpCrunchErrorCodes.InvalidToken, HelpCrunchErrorCodes.Unauthorized, () => session.ClientWithKey("wrong").ListChatsAsync()),
        ];

        foreach ((string operation, string oldCode, string newCode, Func<Task> call) in failures)
        {
            ApiException error = await Assert.ThrowsAsync<ApiException>(call);
            string[] expected = style == EmulatorErrorStyle.Old ? [oldCode] : [HelpCrunchErrorCodes.InvalidRequest, newCode];
            Assert.Equal(operation, error.OperationId);
            Assert.Equal(expected, error.Errors.Select(e => e.Code));
            Assert.All(error.Errors, e => Assert.False(string.IsNullOrEmpty(e.Message)));
        }
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task Too_many_requests_is_429_with_its_retry_after_in_either_style(EmulatorErrorStyle style)
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync(o =>
        {
            o.ErrorStyle = style;
            o.RequestsPerMinute = 2;
        });
        await session.Client.ListAgentsAsync();
        await session.Client.ListAgentsAsync();

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => session.Client.ListAgentsAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.True(error.HasCode(HelpCrunchErrorCodes.TooManyRequests));
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }
}
