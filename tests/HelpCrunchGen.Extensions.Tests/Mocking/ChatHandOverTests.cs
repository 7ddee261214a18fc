using System.Net;
using System.Text.Json;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace HelpCrunchGen.Extensions.Tests.Mocking;

/// <summary>
/// How a consumer tests their own service: with a mocked IHelpCrunchClient (NSubstitute), and end to end with the
/// emulator in-process, registered through AddHelpCrunchClient as the app does.
/// </summary>
public sealed class ChatHandOverTests
{
    [Fact]
    public async Task With_a_mock_the_service_sends_the_request_and_reads_the_chat()
    {
        var helpCrunch = Substitute.For<IHelpCrunchClient>();
        helpCrunch.UpdateChatAssigneeAsync(Arg.Any<UpdateChatAssigneeRequest>(), Arg.Any<CancellationToken>())
            .Returns(Chat("""{"id":5214000,"status":"opened","createdAt":1603885746,"customer":{"id":8738438},"assignee":{"id":4188}}"""));

        bool handedOver = await new ChatHandOver(helpCrunch).HandOverAsync(5214000, 4188);

        Assert.True(handedOver);
        await helpCrunch.Received(1).UpdateChatAssigneeAsync(
            Arg.Is<UpdateChatAssigneeRequest>(request => request.Id == 5214000 && request.Assignee == 4188),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task With_a_mock_an_unknown_chat_is_false()
    {
        var helpCrunch = Substitute.For<IHelpCrunchClient>();
        helpCrunch.UpdateChatAssigneeAsync(Arg.Any<UpdateChatAssigneeRequest>(), Arg.Any<CancellationToken>())
            .Returns<Chat>(_ => throw new ApiException("updateChatAssignee", HttpStatusCode.NotFound, [new ApiError(HelpCrunchErrorCodes.ChatNotFound, "Chat not found")], null, null));

        Assert.False(await new ChatHandOver(helpCrunch).HandOverAsync(1, 4188));
    }

    [Fact]
    public async Task With_the_emulator_in_process_the_service_works_end_to_end()
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddHelpCrunchClient(options =>
        {
            options.ApiKey = emulator.ApiKey;
            options.BaseAddress = emulator.BaseAddress;
        });
        services.AddTransient<ChatHandOver>();
        await using ServiceProvider provider = services.BuildServiceProvider();
        var handOver = provider.GetRequiredService<ChatHandOver>();

        Assert.True(await handOver.HandOverAsync(5214000, 4188));
        Assert.False(await handOver.HandOverAsync(999_999_999, 4188));
    }

    private static Chat Chat(string json) => JsonSerializer.Deserialize(json, HelpCrunchJsonContext.Default.Chat)!;
}
