using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Routes;

/// <summary>
/// Reads the customer fields of a create, replace, update or batch body (docs §3 U4–U7) into a change. Every
/// field may be null. <c>customData</c> is the request form, a list of <c>{property, value}</c>; the older
/// docs' flat <c>city</c>, <c>regionCode</c> and <c>countryCode</c> land in <c>location</c>.
/// </summary>
internal static class CustomerBody
{
    /// <summary>The default colour of a new tag (docs §3 U4).</summary>
    public const string DefaultTagColor = "#c377e0";

    private static readonly (string Name, Func<Customer, string?, Customer> Set)[] TextFields =
    {
        ("name", (c, v) => c with { Name = v }),
        ("email", (c, v) => c with { Email = v }),
        ("userId", (c, v) => c with { UserId = v }),
        ("company", (c, v) => c with { Company = v }),
        ("phone", (c, v) => c with { Phone = v }),
        ("source", (c, v) => c with { Source = v }),
        ("referer", (c, v) => c with { Referer = v }),
        ("lastPage", (c, v) => c with { LastPage = v }),
        ("locale", (c, v) => c with { Locale = v }),
        ("createdFrom", (c, v) => c with { CreatedFrom = v }),
        ("integrationId", (c, v) => c with { IntegrationId = v }),
        ("notes", (c, v) => c with { Notes = v }),
        ("city", (c, v) => c with { City = v }),
        ("regionCode", (c, v) => c with { RegionCode = v }),
        ("countryCode", (c, v) => c with { CountryCode = v }),
    };

    /// <summary>
    /// The change <paramref name="body"/> describes. With <paramref name="replace"/> (PUT) every field the body
    /// leaves out is cleared first (null, false, no tags, no custom data), as the newer docs say; otherwise
    /// (PATCH, batch) only the fields sent change and <c>customData</c> entries are merged by property.
    /// </summary>
    public static Func<Customer, Customer> Parse(JsonElement body, string pathPrefix, bool replace)
    {
        var changes = new List<Func<Customer, Customer>>();
        foreach (var (name, set) in TextFields)
        {
            if (body.TryGetProperty(name, out var element))
            {
                string? value = element.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => element.GetString(),
                    _ => throw Invalid(pathPrefix + name, JsonBody.NotString),
                };
                changes.Add(c => set(c, value));
            }
        }

        if (Time(body, "firstSeen", pathPrefix, out var firstSeen))
        {
            changes.Add(c => c with { FirstSeen = firstSeen });
        }

        if (Time(body, "lastSeen", pathPrefix, out var lastSeen))
        {
            changes.Add(c => c with { LastSeen = lastSeen });
        }

        if (Flag(body, "unsubscribed", pathPrefix) is { } unsubscribed)
        {
            changes.Add(c => c with { Unsubscribed = unsubscribed });
        }

        if (Flag(body, "blocked", pathPrefix) is { } blocked)
        {
            changes.Add(c => c with { Blocked = blocked });
        }

        if (body.TryGetProperty("tags", out var tagsElement))
        {
            var tags = tagsElement.ValueKind == JsonValueKind.Null ? Array.Empty<Tag>() : Tags(tagsElement, pathPrefix + "tags", requireOne: false);
            changes.Add(c => c with { Tags = tags });
        }

        if (body.TryGetProperty("customData", out var dataElement))
        {
            var entries = CustomData(dataElement, pathPrefix + "customData");
            changes.Add(c => c with { CustomData = Merge(c.CustomData, entries) });
        }

        return customer =>
        {
            var result = replace ? Cleared(customer) : customer;
            foreach (var change in changes)
            {
                result = change(result);
            }

            return result;
        };
    }

    /// <summary>
    /// Tags as <c>[{"name", "color"?}]</c>: names must be non-blank; a missing colour is the default one. The
    /// same name twice keeps the last. <paramref name="requireOne"/> rejects an empty list (tag and untag).
    /// </summary>
    public static IReadOnlyList<Tag> Tags(JsonElement element, string path, bool requireOne)
    {
        if (element.ValueKind != JsonValueKind.Array || (requireOne && element.GetArrayLength() == 0))
        {
            throw Invalid(path, "This value should be a list of tags, e.g. [{\"name\": \"vip\"}].");
        }

        var tags = new List<Tag>();
        int index = 0;
        foreach (var item in element.EnumerateArray())
        {
            string itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
            {
                throw Invalid(itemPath + ".name", JsonBody.NotBlank);
            }

            string? color = null;
            if (item.TryGetProperty("color", out var colorElement) && colorElement.ValueKind != JsonValueKind.Null)
            {
                color = colorElement.ValueKind == JsonValueKind.String ? colorElement.GetString() : throw Invalid(itemPath + ".color", JsonBody.NotString);
            }

            tags.RemoveAll(t => SameTag(t.Name, name.GetString()!));
            tags.Add(new Tag(name.GetString()!, color));
        }

        return tags;
    }

    public static bool SameTag(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Gives tags without a colour the default one.</summary>
    public static IReadOnlyList<Tag> WithDefaultColors(IEnumerable<Tag> tags) =>
        tags.Select(t => t.Color is null ? t with { Color = DefaultTagColor } : t).ToArray();

    private static Customer Cleared(Customer customer) => new()
    {
        Id = customer.Id,
        CreatedAt = customer.CreatedAt,
        Device = customer.Device,
        Messengers = customer.Messengers,
    };

    private static bool Time(JsonElement body, string name, string pathPrefix, out DateTimeOffset? time)
    {
        time = null;
        if (!body.TryGetProperty(name, out var element))
        {
            return false;
        }

        return JsonBody.TryUnixTime(element, out time) ? true : throw Invalid(pathPrefix + name, "This value should be a UNIX timestamp.");
    }

    private static bool? Flag(JsonElement body, string name, string pathPrefix)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            return null;
        }

        return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : throw Invalid(pathPrefix + name, JsonBody.NotBoolean);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> CustomData(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<KeyValuePair<string, string>>();
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, "This value should be a list of {\"property\", \"value\"} entries.");
        }

        var entries = new List<KeyValuePair<string, string>>();
        int index = 0;
        foreach (var item in element.EnumerateArray())
        {
            string itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("property", out var property) || property.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.GetString()))
            {
                throw Invalid(itemPath + ".property", JsonBody.NotBlank);
            }

            if (!item.TryGetProperty("value", out var value))
            {
                throw Invalid(itemPath + ".value", JsonBody.NotBlank);
            }

            entries.Add(new(property.GetString()!, value.GetRawText()));
        }

        return entries;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Merge(IReadOnlyList<KeyValuePair<string, string>> current, IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        var merged = current.ToList();
        foreach (var change in changes)
        {
            int at = merged.FindIndex(e => e.Key == change.Key);
            if (at >= 0)
            {
                merged[at] = change;
            }
            else
            {
                merged.Add(change);
            }
        }

        return merged;
    }

    private static ApiErrorException Invalid(string path, string message) => new(Errors.Validation(path, message));
}
