using System.CommandLine;
using HelpCrunch.Api;
using HelpCrunch.Cli.Output;

namespace HelpCrunch.Cli;

/// <summary><c>messages list|send</c>.</summary>
internal static class MessageCommands
{
    public static Command Create(CliContext context) => new("messages", "Messages of a chat: list them, send one.")
    {
        List(context), Send(context),
    };

    private static Command List(CliContext context)
    {
        var chat = Opt.Id("--chat", "The chat whose messages to list (newest first).");
        var offset = Opt.Offset();
        var limit = Opt.Limit();
        var all = Opt.All();
        var api = new ApiOptions();
        var command = api.AddTo(new Command("list", "List a chat's messages, newest first (GET /chats/{chatId}/messages).") { chat, offset, limit, all });
        Opt.AllStartsAtTheFirstItem(command, offset, all);
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var table = Tables.Messages(call.Now);
            long chatId = result.GetValue(chat);
            if (result.GetValue(all))
            {
                await call.StreamAsync(token => call.Client.ListMessagesAllAsync(chatId, result.GetValue(limit), token), HelpCrunchJsonContext.Default.Message, table).ConfigureAwait(false);
                return;
            }

            ListMessagesResponse page = await call.Client.ListMessagesAsync(chatId, result.GetValue(offset), result.GetValue(limit), call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.ListMessagesResponse, page.Data, table);
        }, ct));
        return command;
    }

    private static Command Send(CliContext context)
    {
        var chat = Opt.Id("--chat", "The chat to write in.");
        var text = Opt.Text("--text", "The message, plain text.", required: true);
        var markdown = Opt.Text("--markdown", "The same message in Markdown.");
        var agent = Opt.OptionalId("--agent", "Send as this agent; without it the message comes from the customer.");
        var isPrivate = new Option<bool>("--private") { Description = "A private note, seen by agents only (needs --agent)." };
        var api = new ApiOptions();
        var command = api.AddTo(new Command("send", "Post a message or a private note in a chat (POST /messages).") { chat, text, markdown, agent, isPrivate });
        command.Validators.Add(r =>
        {
            if (r.GetValue(isPrivate) && r.GetResult(agent) is null)
            {
                r.AddError("--private needs --agent: only agents write private notes.");
            }
        });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var request = new CreateMessageRequest
            {
                Chat = result.GetValue(chat),
                Text = result.GetValue(text)!,
                Type = result.GetValue(isPrivate) ? CreateMessageType.Private : CreateMessageType.Message,
            };
            if (result.GetValue(agent) is { } agentId)
            {
                request = request with { Agent = agentId };
            }

            if (result.GetValue(markdown) is { } markdownText)
            {
                request = request with { MarkdownText = markdownText };
            }

            Message sent = await call.Client.CreateMessageAsync(request, call.CancellationToken).ConfigureAwait(false);
            call.Show(sent, HelpCrunchJsonContext.Default.Message, (output, m) => Details.Message(output, m, call.Now));
        }, ct));
        return command;
    }
}
