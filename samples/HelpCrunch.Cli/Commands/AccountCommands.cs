using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json;
using HelpCrunch.Api;
using HelpCrunch.Cli.Output;
using HelpCrunchGen.Runtime;

namespace HelpCrunch.Cli;

/// <summary><c>events add</c>, <c>agents list</c>, <c>departments list</c>, <c>applications list</c>, <c>organization</c>.</summary>
internal static class AccountCommands
{
    public static Command Events(CliContext context)
    {
        var customer = Opt.Id("--customer", "The customer the event happened to.");
        var name = Opt.Text("--name", "The event's name, e.g. 'Order placed'.", required: true);
        var data = new Option<Dictionary<string, JsonElement>>("--data")
        {
            Description = "A key=value detail, repeatable; a value that is JSON (42, true, \"x\", {...}) is sent as such, anything else as text.",
            HelpName = "key=value",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var pairs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var token in result.Tokens)
                {
                    int equals = token.Value.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        result.AddError($"invalid --data '{token.Value}': expected key=value.");
                        continue;
                    }

                    pairs[token.Value[..equals]] = JsonOrText(token.Value[(equals + 1)..]);
                }

                return pairs;
            },
        };
        var api = new ApiOptions();
        var add = api.AddTo(new Command("add", "Record an event in a customer's activity (POST /events).") { customer, name, data });
        add.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var request = new AddCustomerEventRequest { Customer = result.GetValue(customer), Name = result.GetValue(name)! };
            if (result.GetValue(data) is { Count: > 0 } details)
            {
                request = request with { Data = details };
            }

            Event added = await call.Client.AddCustomerEventAsync(request, call.CancellationToken).ConfigureAwait(false);
            call.Show(added, HelpCrunchJsonContext.Default.Event, (output, e) => Details.Event(output, e, call.Now));
        }, ct));
        return new Command("events", "Customer activity events.") { add };
    }

    public static Command Agents(CliContext context)
    {
        var offset = Opt.Offset();
        var limit = Opt.Limit();
        var all = Opt.All();
        var api = new ApiOptions();
        var list = api.AddTo(new Command("list", "List the team's agents (GET /agents).") { offset, limit, all });
        Opt.AllStartsAtTheFirstItem(list, offset, all);
        list.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var table = Tables.Agents();
            if (result.GetValue(all))
            {
                await call.StreamAsync(token => call.Client.ListAgentsAllAsync(result.GetValue(limit), token), HelpCrunchJsonContext.Default.Agent, table).ConfigureAwait(false);
                return;
            }

            ListAgentsResponse page = await call.Client.ListAgentsAsync(result.GetValue(offset), result.GetValue(limit), call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.ListAgentsResponse, page.Data, table);
        }, ct));
        return new Command("agents", "Team members.") { list };
    }

    public static Command Departments(CliContext context)
    {
        var offset = Opt.Offset();
        var limit = Opt.Limit();
        var all = Opt.All();
        var api = new ApiOptions();
        var list = api.AddTo(new Command("list", "List departments and their agents (GET /departments).") { offset, limit, all });
        Opt.AllStartsAtTheFirstItem(list, offset, all);
        list.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var table = Tables.Departments();
            if (result.GetValue(all))
            {
                await call.StreamAsync(token => call.Client.ListDepartmentsAllAsync(result.GetValue(limit), token), HelpCrunchJsonContext.Default.Department, table).ConfigureAwait(false);
                return;
            }

            ListDepartmentsResponse page = await call.Client.ListDepartmentsAsync(result.GetValue(offset), result.GetValue(limit), call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.ListDepartmentsResponse, page.Data, table);
        }, ct));
        return new Command("departments", "Departments.") { list };
    }

    /// <summary>Not paged by the API: one list. A chat is created in one of these (<c>chats create --application</c>).</summary>
    public static Command Applications(CliContext context)
    {
        var api = new ApiOptions();
        var list = api.AddTo(new Command("list", "List the applications (widgets, apps, integrations) chats belong to (GET /applications)."));
        list.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            ListApplicationsResponse page = await call.Client.ListApplicationsAsync(call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.ListApplicationsResponse, page.Data, Tables.Applications());
        }, ct));
        return new Command("applications", "Applications (widgets, mobile apps, social integrations).") { list };
    }

    public static Command Organization(CliContext context)
    {
        var api = new ApiOptions();
        var command = api.AddTo(new Command("organization", "Show the organization and whether the team is online (GET /organization)."));
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            GetOrganizationResponse answer = await call.Client.GetOrganizationAsync(call.CancellationToken).ConfigureAwait(false);
            call.Show(answer, HelpCrunchJsonContext.Default.GetOrganizationResponse, (output, o) => Details.Organization(output, o.Data));
        }, ct));
        return command;
    }

    private static JsonElement JsonOrText(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonValues.String(value);
        }
    }
}
