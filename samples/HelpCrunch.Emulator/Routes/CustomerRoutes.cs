using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Routes.Search;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Webhooks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>The customer endpoints (docs §3 U1–U8); tags are in <see cref="CustomerTagRoutes"/>, events in <see cref="EventRoutes"/>.</summary>
internal static class CustomerRoutes
{
    public const int MaxBatch = 10;

    public static void Map(IEndpointRouteBuilder v1, Emulation emulation)
    {
        v1.MapGet("/customers", Handle.With(emulation, ListAsync));
        v1.MapPost("/customers", Handle.With(emulation, CreateAsync));
        v1.MapPost("/customers/search", Handle.With(emulation, SearchAsync));
        v1.MapPut("/customers/batch", Handle.With(emulation, BatchAsync));
        v1.MapGet("/customers/{customerId:int}", Handle.With(emulation, GetAsync));
        v1.MapPut("/customers/{customerId:int}", Handle.With(emulation, (c, e) => UpdateAsync(c, e, replace: true)));
        v1.MapPatch("/customers/{customerId:int}", Handle.With(emulation, (c, e) => UpdateAsync(c, e, replace: false)));
        v1.MapDelete("/customers/{customerId:int}", Handle.With(emulation, DeleteAsync));
    }

    /// <summary>U1: <c>{data, total}</c> — the total at the top, not in <c>meta</c>.</summary>
    private static Task ListAsync(HttpContext context, Emulation emulation)
    {
        var sort = Sort.FromQuery(context, CustomerSearchFields.SortFields);
        var page = Page.FromQuery(context);
        var customers = sort.Apply(emulation.Store.GetCustomers(), CustomerSearchFields.SortKey, c => c.Id).ToArray();
        return ListResponse.WriteAsync(context, customers, page, TotalAt.TopLevel, CustomerWire.Write);
    }

    /// <summary>U2: the bare customer.</summary>
    private static Task GetAsync(HttpContext context, Emulation emulation)
    {
        var customer = emulation.Store.FindCustomer(Handle.RouteId(context, "customerId", Errors.CustomerNotFound))
            ?? throw new ApiErrorException(Errors.CustomerNotFound);
        return WriteAsync(context, customer);
    }

    /// <summary>U3: <c>{data, total}</c>.</summary>
    private static async Task SearchAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var root = body.RootElement;
        var query = SearchQuery<Customer>.Parse(root, CustomerSearchFields.All);
        var sort = Sort.FromBody(root, CustomerSearchFields.SortFields);
        var page = Page.FromBody(root);
        var customers = sort.Apply(emulation.Store.GetCustomers().Where(query.Matches), CustomerSearchFields.SortKey, c => c.Id).ToArray();
        await ListResponse.WriteAsync(context, customers, page, TotalAt.TopLevel, CustomerWire.Write);
    }

    /// <summary>U4: no field is required; a taken <c>userId</c> is 400 <c>invalid_userId_value</c>. Answers 200 with the customer.</summary>
    private static async Task CreateAsync(HttpContext context, Emulation emulation)
    {
        using var body = await JsonBody.ReadObjectAsync(context);
        var fill = CustomerBody.Parse(body.RootElement, "", replace: false);
        var now = emulation.Now;
        var customer = emulation.Change(
            () => emulation.Store.CreateCustomer(id =>
            {
                var created = fill(new Customer { Id = id, CreatedAt = now });
                return created with { Tags = CustomerBody.WithDefaultColors(created.Tags) };
            }) ?? throw new ApiErrorException(Errors.DuplicateUserId),
            created => WebhookEvents.CustomerCreated(emulation, created));
        await WriteAsync(context, customer);
    }

    /// <summary>U5 (PUT: fields left out are cleared) and U6 (PATCH: only the fields sent change).</summary>
    private static async Task UpdateAsync(HttpContext context, Emulation emulation, bool replace)
    {
        int id = Handle.RouteId(context, "customerId", Errors.CustomerNotFound);
        using var body = await JsonBody.ReadObjectAsync(context);
        var change = CustomerBody.Parse(body.RootElement, "", replace);
        var changed = Apply(emulation, new[] { (id, change) });
        await WriteAsync(context, changed[0]);
    }

    /// <summary>
    /// U7: a JSON array of 1–10 <c>{customer, …fields}</c>, applied like PATCH, all or nothing. The response is
    /// undocumented ("same as update customer"); the emulator answers the updated customers as an array.
    /// </summary>
    private static async Task BatchAsync(HttpContext context, Emulation emulation)
    {
        var notAList = Errors.Validation("body", $"This value should be a list of 1 to {MaxBatch} customers.");
        using var body = await JsonBody.ReadArrayAsync(context, notAList);
        var items = body.RootElement;
        if (items.GetArrayLength() is 0 or > MaxBatch)
        {
            throw new ApiErrorException(notAList);
        }

        var updates = new List<(int, Func<Customer, Customer>)>();
        int index = 0;
        foreach (var item in items.EnumerateArray())
        {
            string prefix = $"[{index++}].";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ApiErrorException(Errors.Validation(prefix.TrimEnd('.'), "This value should be an object."));
            }

            int id = JsonBody.Id(item, "customer", Errors.Validation(prefix + "customer", JsonBody.NotNumeric));
            updates.Add((id, CustomerBody.Parse(item, prefix, replace: false)));
        }

        var changed = Apply(emulation, updates);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray();
            foreach (var customer in changed)
            {
                CustomerWire.Write(writer, customer);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>U8: answers the text <c>Ok</c>; the customer's chats go with them.</summary>
    private static Task DeleteAsync(HttpContext context, Emulation emulation)
    {
        int id = Handle.RouteId(context, "customerId", Errors.CustomerToDeleteNotFound);
        emulation.Change(
            () => emulation.Store.DeleteCustomer(id) ?? throw new ApiErrorException(Errors.CustomerToDeleteNotFound),
            deleted => WebhookEvents.CustomerDeleted(emulation, deleted));
        return Handle.OkTextAsync(context);
    }

    /// <summary>Applies the changes atomically (404 for the first unknown customer), raises their webhooks, returns the customers after.</summary>
    public static IReadOnlyList<Customer> Apply(Emulation emulation, IReadOnlyList<(int Id, Func<Customer, Customer> Update)> updates)
    {
        var changes = emulation.Change(
            () => emulation.Store.ChangeCustomers(updates) ?? throw new ApiErrorException(Errors.CustomerNotFound),
            all =>
            {
                foreach (var (before, after) in all)
                {
                    WebhookEvents.CustomerChanged(emulation, before, after);
                }
            });

        return changes.Select(c => c.After).ToArray();
    }

    public static Task WriteAsync(HttpContext context, Customer customer) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => CustomerWire.Write(writer, customer));
}
