using System.Net;
using System.Text.Json;
using HelpCrunch.Api;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>Customers and their events through the generated client against the running emulator.</summary>
public sealed class CustomerEndToEndTests
{
    private const long NoSuchCustomer = 987_654_321;

    [Fact]
    public async Task A_created_customer_is_read_back_and_listed()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        Customer created = await session.Client.CreateCustomerAsync(new CreateCustomerRequest
        {
            Name = "Grace Hopper",
            Email = "grace@example.test",
            UserId = "grace-1",
            Company = "Navy",
            Tags = [new Tag { Name = "vip", Color = "#ff0000" }],
        });
        Customer read = await session.Client.GetCustomerAsync(created.Id);
        ListCustomersResponse list = await session.Client.ListCustomersAsync(limit: 100);

        Assert.Equal("Grace Hopper", read.Name);
        Assert.Equal("grace@example.test", read.Email);
        Assert.Equal("grace-1", read.UserId);
        Assert.Equal("Navy", read.Company);
        Assert.Equal("vip", Assert.Single(read.Tags!).Name);
        Assert.Contains(list.Data, customer => customer.Id == created.Id);
        Assert.True(list.Total >= list.Data.Count);
    }

    [Fact]
    public async Task A_taken_user_id_is_400_invalid_userId_value()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = "First", UserId = "shared-id" });

        await Fails.WithAsync(HttpStatusCode.BadRequest, HelpCrunchErrorCodes.InvalidUserIdValue, () =>
            session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = "Second", UserId = "shared-id" }), "createCustomer");
    }

    [Fact]
    public async Task Put_sets_unmentioned_fields_to_null_and_patch_changes_only_what_is_sent()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer customer = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = "Before", Email = "before@example.test", Company = "Acme", Phone = "+100" });

        Customer patched = await session.Client.UpdateCustomerAsync(customer.Id, new UpdateCustomerRequest { Company = "Globex" });
        Customer replaced = await session.Client.ReplaceCustomerAsync(customer.Id, new ReplaceCustomerRequest { Name = "After", Email = "after@example.test" });
        Customer stored = await session.Client.GetCustomerAsync(customer.Id);

        Assert.Equal("Before", patched.Name);
        Assert.Equal("Globex", patched.Company);
        Assert.Equal("+100", patched.Phone);
        Assert.Equal("After", replaced.Name);
        Assert.Equal("after@example.test", replaced.Email);
        Assert.Null(replaced.Company);
        Assert.Null(replaced.Phone);
        Assert.Equal(replaced.Name, stored.Name);
        Assert.Null(stored.Company);
    }

    [Fact]
    public async Task Patch_with_an_explicit_null_clears_that_field_only()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer customer = await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = "Keep", Company = "Drop" });

        Customer patched = await session.Client.UpdateCustomerAsync(customer.Id, new UpdateCustomerRequest { Company = null });

        Assert.Equal("Keep", patched.Name);
        Assert.Null(patched.Company);
    }

    [Fact]
    public async Task A_batch_updates_1_to_10_customers_and_refuses_0_or_11()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer a = await session.NewCustomerAsync("Batch A");
        Customer b = await session.NewCustomerAsync("Batch B");

        await session.Client.BatchUpdateCustomersAsync([new BatchCustomerUpdate { Customer = a.Id, Company = "One" }, new BatchCustomerUpdate { Customer = b.Id, Company = "Two" }]);

        Assert.Equal("One", (await session.Client.GetCustomerAsync(a.Id)).Company);
        Assert.Equal("Two", (await session.Client.GetCustomerAsync(b.Id)).Company);
        Assert.Equal("Batch A", (await session.Client.GetCustomerAsync(a.Id)).Name);
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.BatchUpdateCustomersAsync([]), "batchUpdateCustomers");
        BatchCustomerUpdate[] eleven = Enumerable.Range(0, 11).Select(_ => new BatchCustomerUpdate { Customer = a.Id, Company = "x" }).ToArray();
        await Fails.WithStatusAsync(HttpStatusCode.BadRequest, () => session.Client.BatchUpdateCustomersAsync(eleven), "batchUpdateCustomers");
        Assert.Equal("One", (await session.Client.GetCustomerAsync(a.Id)).Company);
    }

    [Fact]
    public async Task Deleting_answers_Ok_and_the_customer_is_gone()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer customer = await session.NewCustomerAsync("Short Lived");

        Assert.Equal("Ok", await session.Client.DeleteCustomerAsync(customer.Id));

        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.GetCustomerAsync(customer.Id), "getCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.DeleteCustomerAsync(customer.Id), "deleteCustomer");
    }

    [Fact]
    public async Task Tags_are_added_and_removed_with_a_json_body_on_delete()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer customer = await session.NewCustomerAsync("Tagged");

        Customer tagged = await session.Client.TagCustomerAsync(customer.Id, new TagCustomerRequest { Tags = [new Tag { Name = "vip" }, new Tag { Name = "beta", Color = "#00ff00" }] });
        Customer untagged = await session.Client.UntagCustomerAsync(customer.Id, new UntagCustomerRequest { Tags = [new Tag { Name = "vip" }] });

        Assert.Equal(["beta", "vip"], tagged.Tags!.Select(t => t.Name).Order());
        Assert.Equal("#00ff00", tagged.Tags!.Single(t => t.Name == "beta").Color);
        Assert.Equal(["beta"], untagged.Tags!.Select(t => t.Name));
        Assert.Equal(["beta"], (await session.Client.GetCustomerAsync(customer.Id)).Tags!.Select(t => t.Name));
    }

    [Fact]
    public async Task An_event_is_added_to_a_customer_and_an_unknown_customer_is_404()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        Customer customer = await session.NewCustomerAsync("Eventful");
        var data = new Dictionary<string, JsonElement> { ["plan"] = Json("\"pro\""), ["seats"] = Json("5") };

        Event added = await session.Client.AddCustomerEventAsync(new AddCustomerEventRequest { Name = "upgraded", Customer = customer.Id, Data = data });

        Assert.True(added.Id > 0);
        Assert.Equal("upgraded", added.Name);
        Assert.Equal("pro", added.Data!["plan"].GetString());
        Assert.Equal(5, added.Data["seats"].GetInt32());
        Assert.NotNull(added.CreatedAt);
        await Fails.WithAsync(HttpStatusCode.NotFound, HelpCrunchErrorCodes.EntityNotFound, () =>
            session.Client.AddCustomerEventAsync(new AddCustomerEventRequest { Name = "x", Customer = NoSuchCustomer }), "addCustomerEvent");
    }

    private static JsonElement Json(string text)
    {
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Each_operation_on_a_missing_customer_is_404()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.GetCustomerAsync(NoSuchCustomer), "getCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.ReplaceCustomerAsync(NoSuchCustomer, new ReplaceCustomerRequest { Name = "x" }), "replaceCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.UpdateCustomerAsync(NoSuchCustomer, new UpdateCustomerRequest { Name = "x" }), "updateCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.DeleteCustomerAsync(NoSuchCustomer), "deleteCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.TagCustomerAsync(NoSuchCustomer, new TagCustomerRequest { Tags = [new Tag { Name = "x" }] }), "tagCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.UntagCustomerAsync(NoSuchCustomer, new UntagCustomerRequest { Tags = [new Tag { Name = "x" }] }), "untagCustomer");
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.BatchUpdateCustomersAsync([new BatchCustomerUpdate { Customer = NoSuchCustomer, Name = "x" }]), "batchUpdateCustomers");
    }

    [Fact]
    public async Task Paging_through_250_customers_with_IAsyncEnumerable_yields_each_once()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        long seeded = (await session.Client.ListCustomersAsync(limit: 1)).Total;
        for (int i = 0; i < 250; i++)
        {
            await session.Client.CreateCustomerAsync(new CreateCustomerRequest { Name = "Paged " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var ids = new List<long>();
        await foreach (Customer customer in session.Client.ListCustomersAllAsync(limit: 100))
        {
            ids.Add(customer.Id);
        }

        Assert.Equal(seeded + 250, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(seeded + 250, (await session.Client.ListCustomersAsync(limit: 1)).Total);
    }

    [Fact]
    public async Task Customers_are_sorted_by_first_seen_in_either_order()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        IReadOnlyList<Customer> ascending = (await session.Client.ListCustomersAsync(CustomerSortField.FirstSeen, SortOrder.Asc)).Data;
        IReadOnlyList<Customer> descending = (await session.Client.ListCustomersAsync(CustomerSortField.FirstSeen, SortOrder.Desc)).Data;

        Assert.True(ascending.Count > 1);
        Assert.Equal(ascending.Select(c => c.FirstSeen).Order(), ascending.Select(c => c.FirstSeen));
        Assert.Equal(descending.Select(c => c.FirstSeen).OrderDescending(), descending.Select(c => c.FirstSeen));
    }
}
