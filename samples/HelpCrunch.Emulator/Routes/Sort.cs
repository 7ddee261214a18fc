using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Routes;

/// <summary>
/// A sort field and direction (docs §5.4): <paramref name="Field"/> is null for the default order (by id).
/// <c>order</c> is <c>asc</c> or <c>desc</c> in either case (the examples use both); the default is <c>asc</c>.
/// </summary>
internal readonly record struct Sort(string? Field, bool Descending)
{
    public static Sort FromQuery(HttpContext context, IReadOnlyCollection<string> fields) =>
        Parse(Single(context, "sort"), Single(context, "order"), fields);

    public static Sort FromBody(JsonElement body, IReadOnlyCollection<string> fields) =>
        Parse(BodyString(body, "sort"), BodyString(body, "order"), fields);

    /// <summary>Orders <paramref name="items"/> by the field's key (nulls first when ascending), then by id.</summary>
    public IEnumerable<T> Apply<T>(IEnumerable<T> items, Func<T, string, DateTimeOffset?> key, Func<T, int> id)
    {
        if (Field is not { } field)
        {
            return items.OrderBy(id);
        }

        var sorted = Descending ? items.OrderByDescending(i => key(i, field)) : items.OrderBy(i => key(i, field));
        return sorted.ThenBy(id);
    }

    private static Sort Parse(string? sort, string? order, IReadOnlyCollection<string> fields)
    {
        if (sort is not null && !fields.Contains(sort))
        {
            throw new ApiErrorException(Errors.Validation("sort", $"This value should be one of: {string.Join(", ", fields)}."));
        }

        bool descending = order?.ToLowerInvariant() switch
        {
            null or "asc" => false,
            "desc" => true,
            _ => throw new ApiErrorException(Errors.Validation("order", "This value should be asc or desc.")),
        };
        return new Sort(sort, descending);
    }

    private static string? Single(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new ApiErrorException(Errors.Validation(name, "This value should be given once.")),
        };
    }

    private static string? BodyString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : throw new ApiErrorException(Errors.Validation(name, JsonBody.NotString));
    }
}
