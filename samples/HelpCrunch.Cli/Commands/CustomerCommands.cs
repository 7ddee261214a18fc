using System;
using System.Collections.Generic;
using System.CommandLine;
using HelpCrunch.Api;
using HelpCrunch.Cli.Output;

namespace HelpCrunch.Cli;

/// <summary><c>customers list|get|search|create|update|delete|tag|untag</c>.</summary>
internal static class CustomerCommands
{
    public static Command Create(CliContext context) => new("customers", "Customers: list, search, show, create, update, delete and tag them.")
    {
        List(context), Get(context), Search(context), CreateCustomer(context), Update(context), Delete(context),
        Tag(context, untag: false), Tag(context, untag: true),
    };

    private static Command List(CliContext context)
    {
        var sort = Sort();
        var order = Opt.Order();
        var offset = Opt.Offset();
        var limit = Opt.Limit();
        var all = Opt.All();
        var api = new ApiOptions();
        var command = api.AddTo(new Command("list", "List customers (GET /customers).") { sort, order, offset, limit, all });
        Opt.AllStartsAtTheFirstItem(command, offset, all);
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var table = Tables.Customers(call.Now);
            if (result.GetValue(all))
            {
                await call.StreamAsync(token => call.Client.ListCustomersAllAsync(result.GetValue(sort), result.GetValue(order), result.GetValue(limit), token), HelpCrunchJsonContext.Default.Customer, table).ConfigureAwait(false);
                return;
            }

            ListCustomersResponse page = await call.Client.ListCustomersAsync(result.GetValue(sort), result.GetValue(order), result.GetValue(offset), result.GetValue(limit), call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.ListCustomersResponse, page.Data, table);
        }, ct));
        return command;
    }

    private static Command Get(CliContext context)
    {
        var customer = Opt.Id("--customer", "The customer to show.");
        var api = new ApiOptions();
        var command = api.AddTo(new Command("get", "Show one customer (GET /customers/{customerId}).") { customer });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            Customer found = await call.Client.GetCustomerAsync(result.GetValue(customer), call.CancellationToken).ConfigureAwait(false);
            call.Show(found, HelpCrunchJsonContext.Default.Customer, (output, c) => Details.Customer(output, c, call.Now));
        }, ct));
        return command;
    }

    private static Command Search(CliContext context)
    {
        var filter = SearchFilters.Option("customers.", f => new CustomerSearchField(f).IsKnown, "email=noah@example.com, name~Noah, lastSeen>=2025-01-01");
        var email = Opt.Text("--email", "Only the customer with this email.");
        var any = new Option<bool>("--any") { Description = "Match any condition (OR) instead of all of them (AND)." };
        var sort = Sort();
        var order = Opt.Order();
        var offset = Opt.Offset();
        var limit = Opt.Limit();
        var all = Opt.All();
        var api = new ApiOptions();
        var command = api.AddTo(new Command("search", "Search customers (POST /customers/search); give at least one condition.")
        {
            filter, email, any, sort, order, offset, limit, all,
        });
        command.Validators.Add(r =>
        {
            if (r.GetResult(filter) is null && r.GetResult(email) is null)
            {
                r.AddError("customers search needs a condition: --filter or --email.");
            }
        });
        Opt.AllStartsAtTheFirstItem(command, offset, all);
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var filters = new List<CustomerSearchFilter>();
            foreach (FilterSpec spec in result.GetValue(filter) ?? [])
            {
                filters.Add(new CustomerSearchFilter { Field = new CustomerSearchField(spec.Field), Operator = spec.Operator, Value = spec.Value });
            }

            if (result.GetValue(email) is { } address)
            {
                filters.Add(new CustomerSearchFilter { Field = CustomerSearchField.Email, Operator = SearchOperator.EqualTo, Value = address });
            }

            var request = new SearchCustomersRequest { Filter = filters };
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

            var table = Tables.Customers(call.Now);
            if (result.GetValue(all))
            {
                await call.StreamAsync(token => call.Client.SearchCustomersAllAsync(request, token), HelpCrunchJsonContext.Default.Customer, table).ConfigureAwait(false);
                return;
            }

            if (result.GetValue(offset) is { } skip)
            {
                request = request with { Offset = skip };
            }

            SearchCustomersResponse page = await call.Client.SearchCustomersAsync(request, call.CancellationToken).ConfigureAwait(false);
            call.ShowPage(page, HelpCrunchJsonContext.Default.SearchCustomersResponse, page.Data, table);
        }, ct));
        return command;
    }

    private static Command CreateCustomer(CliContext context)
    {
        var fields = new CustomerFields();
        var tags = TagsOption("A tag to give the customer, name or name:#color; repeatable.", required: false);
        var api = new ApiOptions();
        var command = api.AddTo(fields.AddTo(new Command("create", "Create a customer (POST /customers).") { tags }));
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var request = new CreateCustomerRequest();
            if (result.GetValue(fields.Name) is { } name) request = request with { Name = name };
            if (result.GetValue(fields.Email) is { } email) request = request with { Email = email };
            if (result.GetValue(fields.UserId) is { } userId) request = request with { UserId = userId };
            if (result.GetValue(fields.Company) is { } company) request = request with { Company = company };
            if (result.GetValue(fields.Phone) is { } phone) request = request with { Phone = phone };
            if (result.GetValue(fields.Locale) is { } locale) request = request with { Locale = locale };
            if (result.GetValue(fields.Notes) is { } notes) request = request with { Notes = notes };
            if (result.GetValue(tags) is { Length: > 0 } tagList) request = request with { Tags = tagList };

            Customer created = await call.Client.CreateCustomerAsync(request, call.CancellationToken).ConfigureAwait(false);
            call.Show(created, HelpCrunchJsonContext.Default.Customer, (output, c) => Details.Customer(output, c, call.Now));
        }, ct));
        return command;
    }

    private static Command Update(CliContext context)
    {
        var customer = Opt.Id("--customer", "The customer to update.");
        var fields = new CustomerFields();
        var api = new ApiOptions();
        var command = api.AddTo(fields.AddTo(new Command("update", "Change the given fields of a customer; the others stay as they are (PATCH /customers/{customerId}).") { customer }));
        command.Validators.Add(r =>
        {
            if (!fields.AnyGiven(r))
            {
                r.AddError("customers update needs at least one field to change, e.g. --name or --email.");
            }
        });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            var request = new UpdateCustomerRequest();
            if (result.GetValue(fields.Name) is { } name) request = request with { Name = name };
            if (result.GetValue(fields.Email) is { } email) request = request with { Email = email };
            if (result.GetValue(fields.UserId) is { } userId) request = request with { UserId = userId };
            if (result.GetValue(fields.Company) is { } company) request = request with { Company = company };
            if (result.GetValue(fields.Phone) is { } phone) request = request with { Phone = phone };
            if (result.GetValue(fields.Locale) is { } locale) request = request with { Locale = locale };
            if (result.GetValue(fields.Notes) is { } notes) request = request with { Notes = notes };

            Customer updated = await call.Client.UpdateCustomerAsync(result.GetValue(customer), request, call.CancellationToken).ConfigureAwait(false);
            call.Show(updated, HelpCrunchJsonContext.Default.Customer, (output, c) => Details.Customer(output, c, call.Now));
        }, ct));
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var customer = Opt.Id("--customer", "The customer to delete.");
        var api = new ApiOptions();
        var command = api.AddTo(new Command("delete", "Delete a customer (DELETE /customers/{customerId}).") { customer });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            long id = result.GetValue(customer);
            string answer = await call.Client.DeleteCustomerAsync(id, call.CancellationToken).ConfigureAwait(false);
            // The API answers with the bare text "Ok": --json gets it as a JSON string.
            call.ShowText(answer, $"Customer {Terminal.Number(id)} deleted.");
        }, ct));
        return command;
    }

    private static Command Tag(CliContext context, bool untag)
    {
        var customer = Opt.Id("--customer", untag ? "The customer to untag." : "The customer to tag.");
        var tags = TagsOption(untag ? "A tag name to remove; repeatable." : "A tag, name or name:#color (new tags are created); repeatable.", required: true);
        var api = new ApiOptions();
        var command = api.AddTo(untag
            ? new Command("untag", "Remove tags from a customer (DELETE /customers/{customerId}/tags).") { customer, tags }
            : new Command("tag", "Add tags to a customer (PUT /customers/{customerId}/tags).") { customer, tags });
        command.SetAction((result, ct) => ApiRunner.RunAsync(context, result, api, async call =>
        {
            long id = result.GetValue(customer);
            Tag[] list = result.GetValue(tags) ?? [];
            Customer changed = untag
                ? await call.Client.UntagCustomerAsync(id, new UntagCustomerRequest { Tags = list }, call.CancellationToken).ConfigureAwait(false)
                : await call.Client.TagCustomerAsync(id, new TagCustomerRequest { Tags = list }, call.CancellationToken).ConfigureAwait(false);
            call.Show(changed, HelpCrunchJsonContext.Default.Customer, (output, c) => Details.Customer(output, c, call.Now));
        }, ct));
        return command;
    }

    private static Option<CustomerSortField?> Sort() =>
        Opt.Known<CustomerSortField>("--sort", "Sort by this time.", v => new CustomerSortField(v.StartsWith("customers.", StringComparison.Ordinal) ? v : "customers." + v), v => v.IsKnown, "firstSeen", "lastSeen");

    /// <summary><c>--tag vip --tag "late payer:#ff0000"</c>.</summary>
    private static Option<Tag[]> TagsOption(string description, bool required) => new("--tag")
    {
        Description = description,
        HelpName = "name[:color]",
        Required = required,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var list = new List<Tag>(result.Tokens.Count);
            foreach (var token in result.Tokens)
            {
                string text = token.Value;
                int colon = text.LastIndexOf(":#", StringComparison.Ordinal);
                string name = colon >= 0 ? text[..colon] : text;
                if (string.IsNullOrWhiteSpace(name))
                {
                    result.AddError($"invalid --tag '{text}': a tag needs a name.");
                    continue;
                }

                list.Add(colon >= 0 ? new Tag { Name = name, Color = text[(colon + 1)..] } : new Tag { Name = name });
            }

            return [.. list];
        },
    };

    /// <summary>The customer fields <c>create</c> and <c>update</c> take.</summary>
    private sealed class CustomerFields
    {
        public Option<string> Name { get; } = Opt.Text("--name", "Full name.");
        public Option<string> Email { get; } = Opt.Text("--email", "Email address.");
        public Option<string> UserId { get; } = Opt.Text("--user-id", "Your own id for the customer (not HelpCrunch's).");
        public Option<string> Company { get; } = Opt.Text("--company", "Company.");
        public Option<string> Phone { get; } = Opt.Text("--phone", "Phone number.");
        public Option<string> Locale { get; } = Opt.Text("--locale", "Language, ISO 639-1 (en, de ...).");
        public Option<string> Notes { get; } = Opt.Text("--notes", "Notes about the customer.");

        private Option<string>[] All => [Name, Email, UserId, Company, Phone, Locale, Notes];

        public Command AddTo(Command command)
        {
            foreach (var option in All)
            {
                command.Add(option);
            }

            return command;
        }

        public bool AnyGiven(System.CommandLine.Parsing.CommandResult result) => Array.Exists(All, o => result.GetResult(o) is not null);
    }
}
