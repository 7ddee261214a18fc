using System;
using System.Linq;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HelpCrunch.Emulator.Routes;

/// <summary>Tag and untag a customer (docs §3 U9, U10): <c>{"tags": [{"name", "color"?}]}</c>, on DELETE too.</summary>
internal static class CustomerTagRoutes
{
    public static void Map(IEndpointRouteBuilder v1, Emulation emulation)
    {
        v1.MapPut("/customers/{customerId:int}/tags", Handle.With(emulation, (c, e) => ChangeAsync(c, e, add: true)));
        v1.MapDelete("/customers/{customerId:int}/tags", Handle.With(emulation, (c, e) => ChangeAsync(c, e, add: false)));
    }

    /// <summary>
    /// Adding a tag the customer has updates its colour when one is given; a new tag without a colour gets the
    /// default. Removing matches names without regard to case; names the customer does not have are ignored.
    /// </summary>
    private static async Task ChangeAsync(HttpContext context, Emulation emulation, bool add)
    {
        int id = Handle.RouteId(context, "customerId", Errors.CustomerNotFound);
        using var body = await JsonBody.ReadObjectAsync(context);
        if (!body.RootElement.TryGetProperty("tags", out var element))
        {
            throw new ApiErrorException(Errors.Validation("tags", JsonBody.NotBlank));
        }

        var tags = CustomerBody.Tags(element, "tags", requireOne: true);
        Func<Customer, Customer> change = add
            ? c => c with { Tags = Add(c, tags.ToArray()) }
            : c => c with { Tags = c.Tags.Where(t => !tags.Any(r => CustomerBody.SameTag(r.Name, t.Name))).ToArray() };

        var changed = CustomerRoutes.Apply(emulation, new[] { (id, change) });
        await CustomerRoutes.WriteAsync(context, changed[0]);
    }

    private static Tag[] Add(Customer customer, Tag[] added)
    {
        var tags = customer.Tags.ToList();
        foreach (var tag in added)
        {
            int at = tags.FindIndex(t => CustomerBody.SameTag(t.Name, tag.Name));
            if (at < 0)
            {
                tags.Add(tag with { Color = tag.Color ?? CustomerBody.DefaultTagColor });
            }
            else if (tag.Color is not null)
            {
                tags[at] = tags[at] with { Color = tag.Color };
            }
        }

        return tags.ToArray();
    }
}
