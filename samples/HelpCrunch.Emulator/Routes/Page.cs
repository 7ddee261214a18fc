using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Routes;

/// <summary>A page request: <c>offset</c> (≥ 0, default 0) and <c>limit</c> (1–100, default 100).</summary>
internal readonly record struct Page(int Offset, int Limit)
{
    public const int MaxLimit = 100;

    /// <summary>From the query string of a GET list; a value that is not a whole number in range is a 400.</summary>
    public static Page FromQuery(HttpContext context) =>
        new(QueryInt(context, "offset", 0, 0, int.MaxValue), QueryInt(context, "limit", MaxLimit, 1, MaxLimit));

    /// <summary>From a search body, where paging goes.</summary>
    public static Page FromBody(JsonElement body) =>
        new(BodyInt(body, "offset", 0, 0, int.MaxValue), BodyInt(body, "limit", MaxLimit, 1, MaxLimit));

    public IEnumerable<T> Apply<T>(IEnumerable<T> items) => items.Skip(Offset).Take(Limit);

    private static int QueryInt(HttpContext context, string name, int fallback, int min, int max)
    {
        var values = context.Request.Query[name];
        if (values.Count == 0)
        {
            return fallback;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new ApiErrorException(OutOfRange(name, min, max));
    }

    private static int BodyInt(JsonElement body, string name, int fallback, int min, int max)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            return fallback;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= min && value <= max
            ? value
            : throw new ApiErrorException(OutOfRange(name, min, max));
    }

    private static ApiError OutOfRange(string name, int min, int max) =>
        Errors.Validation(name, max == int.MaxValue
            ? $"This value should be a whole number of at least {min}."
            : $"This value should be a whole number between {min} and {max}.");
}
