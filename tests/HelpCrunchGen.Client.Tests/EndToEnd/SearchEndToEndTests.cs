using System.Net;
using System.Text.Json;
using HelpCrunch.Api;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>
/// Search through the generated client against the running emulator: every operator, AND and OR, a value of the wrong
/// type, and several tags in one filter (customers having all of them).
/// </summary>
public sealed class SearchEndToEndTests
{
    [Fact]
    public async Task Every_operator_filters_customers_as_documented()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        string marker = "Zq" + Guid.NewGuid().ToString("N")[..8];
        Customer alpha = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = marker + " Alpha", Email = "alpha@" + marker + ".test" });
        Customer beta = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = marker + " Beta", Email = "beta@" + marker + ".test" });
        Customer gamma = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = marker + " Gamma", Email = "gamma@" + marker + ".test" });
        long[] ours = [alpha.Id, beta.Id, gamma.Id];

        async Task<long[]> Search(CustomerSearchField field, SearchOperator op, SearchFilterValue value)
        {
            SearchCustomersResponse page = await session.Client.SearchCustomersAsync(new SearchCustomersRequest
            {
                Filter = [new CustomerSearchFilter { Field = field, Operator = op, Value = value }],
                Limit = 100,
            });
            return page.Data!.Select(c => c.Id).Where(ours.Contains).Order().ToArray();
        }

        Assert.Equal([alpha.Id], await Search(CustomerSearchField.Name, SearchOperator.EqualTo, marker + " Alpha"));
        Assert.Equal([beta.Id, gamma.Id], await Search(CustomerSearchField.Name, SearchOperator.NotEqualTo, marker + " Alpha"));
        Assert.Equal(ours, await Search(CustomerSearchField.Email, SearchOperator.Contains, marker));
        Assert.Equal([alpha.Id, gamma.Id], await Search(CustomerSearchField.Name, SearchOperator.DoesNotContain, "Beta"));
        Assert.Equal([beta.Id, gamma.Id], await Search(CustomerSearchField.Id, SearchOperator.GreaterThan, alpha.Id));
        Assert.Equal(ours, await Search(CustomerSearchField.Id, SearchOperator.GreaterThanOrEqualTo, alpha.Id));
        Assert.Equal([alpha.Id, beta.Id], await Search(CustomerSearchField.Id, SearchOperator.LessThan, gamma.Id));
        Assert.Equal(ours, await Search(CustomerSearchField.Id, SearchOperator.LessThanOrEqualTo, gamma.Id));
    }

    [Fact]
    public async Task And_matches_all_filters_and_or_matches_any()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        string marker = "Zq" + Guid.NewGuid().ToString("N")[..8];
        Customer both = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = marker + " Both", Company = marker + " Inc" });
        Customer nameOnly = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = marker + " Name", Company = "Other" });
        long[] ours = [both.Id, nameOnly.Id];

        async Task<long[]> Search(SearchComparison comparison) =>
            (await session.Client.SearchCustomersAsync(new SearchCustomersRequest
            {
                Comparison = comparison,
                Filter =
                [
                    new CustomerSearchFilter { Field = CustomerSearchField.Name, Operator = SearchOperator.Contains, Value = marker },
                    new CustomerSearchFilter { Field = CustomerSearchField.Company, Operator = SearchOperator.Contains, Value = marker },
                ],
            })).Data!.Select(c => c.Id).Where(ours.Contains).Order().ToArray();

        Assert.Equal([both.Id], await Search(SearchComparison.And));
        Assert.Equal(ours.Order(), await Search(SearchComparison.Or));
    }

    [Fact]
    public async Task Several_tags_in_one_filter_match_customers_that_have_all_of_them()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        string vip = "vip-" + Guid.NewGuid().ToString("N")[..6];
        string paid = "paid-" + Guid.NewGuid().ToString("N")[..6];
        Customer both = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = "Both tags", Tags = [new Tag { Name = vip }, new Tag { Name = paid }] });
        Customer one = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = "One tag", Tags = [new Tag { Name = vip }] });

        SearchCustomersResponse all = await session.Client.SearchCustomersAsync(new SearchCustomersRequest
        {
            Filter = [new CustomerSearchFilter { Field = CustomerSearchField.TagsData, Operator = SearchOperator.EqualTo, Value = Tags(vip, paid) }],
        });
        SearchCustomersResponse any = await session.Client.SearchCustomersAsync(new SearchCustomersRequest
        {
            Comparison = SearchComparison.Or,
            Filter =
            [
                new CustomerSearchFilter { Field = CustomerSearchField.TagsData, Operator = SearchOperator.EqualTo, Value = Tags(vip) },
                new CustomerSearchFilter { Field = CustomerSearchField.TagsData, Operator = SearchOperator.EqualTo, Value = Tags(paid) },
            ],
        });

        Assert.Equal([both.Id], all.Data!.Select(c => c.Id));
        Assert.Equal(new[] { both.Id, one.Id }.Order(), any.Data!.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task A_value_whose_type_does_not_match_its_field_is_400()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.SearchCustomersAsync(new SearchCustomersRequest
        {
            Filter = [new CustomerSearchFilter { Field = CustomerSearchField.Id, Operator = SearchOperator.EqualTo, Value = "not a number" }],
        }), "searchCustomers");
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.SearchChatsAsync(new SearchChatsRequest
        {
            Filter = [new ChatSearchFilter { Field = ChatSearchField.CreatedAt, Operator = SearchOperator.GreaterThan, Value = "18 Jun 2020" }],
        }), "searchChats");
    }

    [Fact]
    public async Task Chats_are_found_by_status_assignee_customer_and_time()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        long agent = await session.AnyAgentIdAsync();
        Chat chat = await session.NewChatAsync("Searchable Chat");
        await session.Client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = chat.Id, Assignee = agent });
        await session.Client.UpdateChatStatusAsync(new UpdateChatStatusRequest { Id = chat.Id, Status = ChatStatus.Pending });

        SearchChatsResponse found = await session.Client.SearchChatsAsync(new SearchChatsRequest
        {
            Comparison = SearchComparison.And,
            Filter =
            [
                new ChatSearchFilter { Field = ChatSearchField.Customer, Operator = SearchOperator.EqualTo, Value = chat.Customer.Id },
                new ChatSearchFilter { Field = ChatSearchField.Assignee, Operator = SearchOperator.EqualTo, Value = agent },
                new ChatSearchFilter { Field = ChatSearchField.Status, Operator = SearchOperator.EqualTo, Value = "pending" },
                new ChatSearchFilter { Field = ChatSearchField.CreatedAt, Operator = SearchOperator.GreaterThanOrEqualTo, Value = chat.CreatedAt },
            ],
            Sort = ChatSortField.CreatedAt,
            Order = "DESC",
        });
        SearchChatsResponse none = await session.Client.SearchChatsAsync(new SearchChatsRequest
        {
            Filter = [new ChatSearchFilter { Field = ChatSearchField.Customer, Operator = SearchOperator.EqualTo, Value = chat.Customer.Id }, new ChatSearchFilter { Field = ChatSearchField.Status, Operator = SearchOperator.EqualTo, Value = "closed" }],
            Comparison = SearchComparison.And,
        });

        Assert.Equal(chat.Id, Assert.Single(found.Data!).Id);
        Assert.Empty(none.Data!);
    }

    private static SearchFilterValue Tags(params string[] names)
    {
        using JsonDocument document = JsonDocument.Parse("[" + string.Join(",", names.Select(n => "{\"name\":\"" + n + "\"}")) + "]");
        return document.RootElement.Clone();
    }
}
