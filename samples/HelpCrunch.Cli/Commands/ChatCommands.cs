using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using HelpCrunch.Api;
using HelpCrunch.Cli.Output;

namespace HelpCrunch.Cli;

/// <summary><c>chats list|get|search|create|status|assign|department|snooze|rate|read</c>.</summary>
internal static class ChatCommands
{
    private static readonly string[] SettableStatuses = ["new", "opened", "pending", "on hold", "no communication", "closed"];

    public static Command Create(CliContext context) => new("chats", "Chats: list, search, show, create and update them.")
    {
        List(context), Get(context), Search(context), CreateChat(context), Status(context),
        Assign(context, "assign"), Department(context), Snooze(context), Rate(context), Read(context),
    };

    /// <summary><c>chats assign</c>; also the top-level <c>assign</c>, which the README has always shown.</summary>
    public static Command Assign(CliContext context, string name)
    {
        var chat = Opt.Id("--chat", "The chat to update.");
        var assignee = Opt.Assignee();
        var api = new ApiOptions();
        var command = api.AddTo(new Command(name, "Assign the chat to an agent, or unassign it (PUT /chats/assignee).") { chat, assignee });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var request = new UpdateChatAssigneeRequest { Id = result.GetValue(chat), Assignee = result.GetValue(assignee).Value };
            Chat updated = await call.Client.UpdateChatAssigneeAsync(request, call.CancellationToken).ConfigureAwait(false);
            call.Show(updated, HelpCrunchJsonContext.Default.Chat, (output, c) => ChatPrinter.WriteText(output, c, call.Now, ChatPrinter.AssignedHeadline(c)));
        }, ct));
        return command;
    }

    private static Command List(CliContext context)
    {
        var sort = Opt.Known<ChatSortField>("--sort", "Sort by this time.", v => new ChatSortField(Prefixed(v)), v => v.IsKnown,
            "createdAt", "lastCustomerMessageAt", "lastMessageAt", "closedAt");
        var order = Opt.Order();
        var offset = Opt.Offset();
        var limit = Opt.Limit();
        var all = Opt.All();
        var api = new ApiOptions();
        var command = api.AddTo(new Command("list", "List chats (GET /chats).") { sort, order, offset, limit, all });
        Opt.AllStartsAtTheFirstItem(command, offset, all);
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var table = Tables.Chats(call.Now);
            if (result.GetValue(all))
            {
                await call.StreamAsync(token => call.Client.ListChatsAllAsync(result.GetValue(sort), result.GetValue(order), result.GetValue(limit), token), HelpCrunchJsonContext.Default.Chat, table).ConfigureAwait(false);
                return;
            }

            ListChatsResponse page = await call.Client.ListChatsAsync(result.GetValue(sort), result.GetValue(order), result.GetValue(offset), result.GetValue(limit), call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.ListChatsResponse, page.Data, table);
        }, ct));
        return command;
    }

    private static Command Get(CliContext context)
    {
        var chat = Opt.Id("--chat", "The chat to show.");
        var api = new ApiOptions();
        var command = api.AddTo(new Command("get", "Show one chat (GET /chats/{chatId}).") { chat });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            Chat found = await call.Client.GetChatAsync(result.GetValue(chat), call.CancellationToken).ConfigureAwait(false);
            call.Show(found, HelpCrunchJsonContext.Default.Chat, (output, c) => ChatPrinter.WriteText(output, c, call.Now));
        }, ct));
        return command;
    }

    private static Command Search(CliContext context)
    {
        var filter = SearchFilters.Option("chats.", f => new ChatSearchField(f).IsKnown, "status=opened, customer.email=noah@example.com, createdAt>=2025-01-01");
        var status = Opt.Known<ChatStatus>("--status", "Only chats with this status (a filter status=...).", v => new ChatStatus(v), v => v.IsKnown,
            "new", "opened", "pending", "on hold", "no communication", "closed", "empty");
        var assignee = Opt.OptionalId("--assignee", "Only chats assigned to this agent.");
        var email = Opt.Text("--customer-email", "Only chats of the customer with this email.");
        var any = new Option<bool>("--any") { Description = "Match any condition (OR) instead of all of them (AND)." };
        var sort = Opt.Known<ChatSortField>("--sort", "Sort by this time.", v => new ChatSortField(Prefixed(v)), v => v.IsKnown,
            "createdAt", "lastCustomerMessageAt", "lastMessageAt", "closedAt");
        var order = Opt.Order();
        var offset = Opt.Offset();
        var limit = Opt.Limit();
        var all = Opt.All();
        var api = new ApiOptions();
        var command = api.AddTo(new Command("search", "Search chats (POST /chats/search); give at least one condition.")
        {
            filter, status, assignee, email, any, sort, order, offset, limit, all,
        });
        command.Validators.Add(r =>
        {
            if (r.GetResult(filter) is null && r.GetResult(status) is null && r.GetResult(assignee) is null && r.GetResult(email) is null)
            {
                r.AddError("chats search needs a condition: --filter, --status, --assignee or --customer-email.");
            }
        });
        Opt.AllStartsAtTheFirstItem(command, offset, all);
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var filters = new List<ChatSearchFilter>();
            foreach (FilterSpec spec in result.GetValue(filter) ?? [])
            {
                filters.Add(new ChatSearchFilter { Field = new ChatSearchField(spec.Field), Operator = spec.Operator, Value = spec.Value });
            }

            if (result.GetValue(status) is { } wanted)
            {
                filters.Add(new ChatSearchFilter { Field = ChatSearchField.Status, Operator = SearchOperator.EqualTo, Value = wanted.ToString() });
            }

            if (result.GetValue(assignee) is { } agent)
            {
                filters.Add(new ChatSearchFilter { Field = ChatSearchField.Assignee, Operator = SearchOperator.EqualTo, Value = agent });
            }

            if (result.GetValue(email) is { } address)
            {
                filters.Add(new ChatSearchFilter { Field = ChatSearchField.CustomerEmail, Operator = SearchOperator.EqualTo, Value = address });
            }

            var request = new SearchChatsRequest { Filter = filters };
            if (filters.Count > 1)
            {
                request = request with { Comparison = result.GetValue(any) ? SearchComparison.Or : SearchComparison.And };
            }

            if (result.GetValue(sort) is { } sortField)
            {
                request = request with { Sort = sortField };
            }

            if (result.GetValue(order) is { } sortOrder)
            {
                request = request with { Order = sortOrder };
            }

            if (result.GetValue(limit) is { } pageSize)
            {
                request = request with { Limit = pageSize };
            }

            var table = Tables.Chats(call.Now);
            if (result.GetValue(all))
            {
                await call.StreamAsync(token => call.Client.SearchChatsAllAsync(request, token), HelpCrunchJsonContext.Default.Chat, table).ConfigureAwait(false);
                return;
            }

            if (result.GetValue(offset) is { } skip)
            {
                request = request with { Offset = skip };
            }

            SearchChatsResponse page = await call.Client.SearchChatsAsync(request, call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.SearchChatsResponse, page.Data, table);
        }, ct));
        return command;
    }

    private static Command CreateChat(CliContext context)
    {
        var customer = Opt.Id("--customer", "The customer the chat is with.");
        var application = Opt.Id("--application", "The application (widget) the chat belongs to: 'applications list' shows them.");
        var assignee = Opt.OptionalId("--assignee", "The agent to assign.");
        var department = Opt.OptionalId("--department", "The department to put it in.");
        var api = new ApiOptions();
        var command = api.AddTo(new Command("create", "Create a chat for a customer (POST /chats); then send a message into it.") { customer, application, assignee, department });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var request = new CreateChatRequest { Customer = result.GetValue(customer), Application = result.GetValue(application) };

            if (result.GetValue(assignee) is { } agent)
            {
                request = request with { Assignee = agent };
            }

            if (result.GetValue(department) is { } team)
            {
                request = request with { Department = team };
            }

            Chat created = await call.Client.CreateChatAsync(request, call.CancellationToken).ConfigureAwait(false);
            call.Show(created, HelpCrunchJsonContext.Default.Chat, (output, c) => ChatPrinter.WriteText(output, c, call.Now, $"Chat {Terminal.Number(c.Id)} created."));
        }, ct));
        return command;
    }

    private static Command Status(CliContext context)
    {
        var chat = Opt.Id("--chat", "The chat to update.");
        var status = Opt.Known<ChatStatus>("--status", "The new status.", v => new ChatStatus(v), v => v.IsKnown && v != ChatStatus.Empty, SettableStatuses);
        status.Required = true;
        return Update(context, "status", "Change the chat's status (PUT /chats/status).", chat, [status], (call, result) =>
            call.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = result.GetValue(chat), Status = result.GetValue(status)!.Value }, call.CancellationToken));
    }

    private static Command Department(CliContext context)
    {
        var chat = Opt.Id("--chat", "The chat to update.");
        var department = Opt.Id("--department", "The department to move it to.");
        return Update(context, "department", "Move the chat to another department (PUT /chats/department).", chat, [department], (call, result) =>
            call.Client.UpdateChatDepartmentAsync(new UpdateChatDepartmentRequest { Id = result.GetValue(chat), Department = result.GetValue(department) }, call.CancellationToken));
    }

    private static Command Snooze(CliContext context)
    {
        var chat = Opt.Id("--chat", "The chat to snooze.");
        var until = new Option<OrNone<DateTimeOffset>>("--until")
        {
            Description = "When it wakes up (unread again): Unix seconds, yyyy-MM-dd[THH:mm] (UTC unless an offset is given), or 'none' to unsnooze.",
            HelpName = "time|none",
            Required = true,
            CustomParser = ParseUntil,
        };
        return Update(context, "snooze", "Snooze the chat until a time, or unsnooze it (PUT /chats/snooze).", chat, [until], (call, result) =>
            call.Client.SnoozeChatAsync(new SnoozeChatRequest { Id = result.GetValue(chat), SnoozedUntil = result.GetValue(until).Value }, call.CancellationToken));
    }

    private static Command Rate(CliContext context)
    {
        var chat = Opt.Id("--chat", "The closed chat to rate.");
        var rating = Opt.Known<ChatRating>("--rating", "The rating.", v => new ChatRating(v), v => v.IsKnown, "perfect", "great", "average", "poor", "very poor");
        rating.Required = true;
        return Update(context, "rate", "Rate a closed chat (PUT /chats/rate).", chat, [rating], (call, result) =>
            call.Client.RateChatAsync(new RateChatRequest { Id = result.GetValue(chat), Rating = result.GetValue(rating)!.Value }, call.CancellationToken));
    }

    private static Command Read(CliContext context)
    {
        var chat = Opt.Id("--chat", "The chat to mark.");
        var by = new Option<string>("--by")
        {
            Description = "Whose side to mark: agent (PUT /chats/readByAgent) or customer (PUT /chats/readByCustomer).",
            HelpName = "agent|customer",
            DefaultValueFactory = _ => "agent",
        };
        by.AcceptOnlyFromAmong("agent", "customer");
        var unread = new Option<bool>("--unread") { Description = "Mark it unread instead." };
        return Update(context, "read", "Mark the chat read (or unread) by the agent or the customer.", chat, [by, unread], (call, result) =>
        {
            long id = result.GetValue(chat);
            bool read = !result.GetValue(unread);
            return result.GetValue(by) == "customer"
                ? call.Client.MarkChatReadByCustomerAsync(new MarkChatReadByCustomerRequest { Id = id, Read = read }, call.CancellationToken)
                : call.Client.MarkChatReadByAgentAsync(new MarkChatReadByAgentRequest { Id = id, Read = read }, call.CancellationToken);
        });
    }

    /// <summary>A PUT that changes one chat and returns it, shown as <c>chats get</c> shows it.</summary>
    private static Command Update(CliContext context, string name, string description, Option<long> chat, Option[] options, Func<ApiCall, ParseResult, System.Threading.Tasks.Task<Chat>> send)
    {
        var api = new ApiOptions();
        var command = new Command(name, description) { chat };
        foreach (Option option in options)
        {
            command.Add(option);
        }

        api.AddTo(command);
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            Chat updated = await send(call, result).ConfigureAwait(false);
            call.Show(updated, HelpCrunchJsonContext.Default.Chat, (output, c) => ChatPrinter.WriteText(output, c, call.Now));
        }, ct));
        return command;
    }

    private static OrNone<DateTimeOffset> ParseUntil(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = Opt.Single(result);
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return default;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds <= 253402300799)
        {
            return new(DateTimeOffset.FromUnixTimeSeconds(seconds));
        }

        if (text.Length >= 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            return new(time);
        }

        result.AddError($"invalid --until '{text}': expected Unix seconds, a date such as 2025-07-01T09:00, or 'none'.");
        return default;
    }

    private static string Prefixed(string field) => field.StartsWith("chats.", StringComparison.Ordinal) ? field : "chats." + field;
}
