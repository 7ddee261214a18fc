using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace HelpCrunch.Emulator.Routes.Search;

/// <summary>
/// The filters of a search body (docs §3 C3/U3, §5): <c>filter</c> (required, at least one), <c>comparison</c>
/// (<c>AND</c>, the default, or <c>OR</c>, either case). Every filter is checked before anything is matched:
/// an unknown field or operator, an operator the field's type does not allow, or a value whose JSON type does
/// not match the field (a date sent as text) is a 400 naming <c>filter[i].field</c>, <c>.operator</c> or <c>.value</c>.
/// </summary>
internal sealed class SearchQuery<T>
{
    private readonly IReadOnlyList<Predicate<T>> _filters;
    private readonly bool _any;

    private SearchQuery(IReadOnlyList<Predicate<T>> filters, bool any)
    {
        _filters = filters;
        _any = any;
    }

    public static SearchQuery<T> Parse(JsonElement body, IReadOnlyDictionary<string, SearchField<T>> fields)
    {
        if (!body.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Array || filter.GetArrayLength() == 0)
        {
            throw new ApiErrorException(Errors.Validation("filter", JsonBody.NotBlank));
        }

        bool any = false;
        if (body.TryGetProperty("comparison", out var comparison) && comparison.ValueKind != JsonValueKind.Null)
        {
            any = comparison.ValueKind == JsonValueKind.String ? comparison.GetString()!.ToUpperInvariant() switch
            {
                "AND" => false,
                "OR" => true,
                _ => throw new ApiErrorException(Errors.Validation("comparison", "This value should be AND or OR.")),
            } : throw new ApiErrorException(Errors.Validation("comparison", JsonBody.NotString));
        }

        var predicates = new List<Predicate<T>>();
        int index = 0;
        foreach (var item in filter.EnumerateArray())
        {
            predicates.Add(ParseFilter(item, $"filter[{index++}]", fields));
        }

        return new SearchQuery<T>(predicates, any);
    }

    public bool Matches(T item) => _any ? _filters.Any(f => f(item)) : _filters.All(f => f(item));

    private static Predicate<T> ParseFilter(JsonElement filter, string path, IReadOnlyDictionary<string, SearchField<T>> fields)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            throw new ApiErrorException(Errors.Validation(path, "This value should be an object."));
        }

        if (!filter.TryGetProperty("field", out var fieldName) || fieldName.ValueKind != JsonValueKind.String)
        {
            throw new ApiErrorException(Errors.Validation(path + ".field", JsonBody.NotBlank));
        }

        if (!fields.TryGetValue(fieldName.GetString()!, out var field))
        {
            throw new ApiErrorException(Errors.Validation(path + ".field", JsonBody.NotValid));
        }

        if (!filter.TryGetProperty("operator", out var operatorElement) || operatorElement.ValueKind != JsonValueKind.String)
        {
            throw new ApiErrorException(Errors.Validation(path + ".operator", JsonBody.NotBlank));
        }

        string op = operatorElement.GetString()!;
        bool allowed = field.Kind switch
        {
            FieldKind.Integer or FieldKind.Date => op is "=" or "!=" or ">" or "<" or ">=" or "<=",
            FieldKind.String => op is "=" or "!=" or "~" or "!~",
            _ => op is "=", // tags: "!=" is for every type except arrays (docs §5.3)
        };
        if (!allowed)
        {
            throw new ApiErrorException(Errors.Validation(path + ".operator", $"The operator \"{op}\" cannot be used with {field.Name}."));
        }

        if (!filter.TryGetProperty("value", out var value))
        {
            throw new ApiErrorException(Errors.Validation(path + ".value", JsonBody.NotBlank));
        }

        string valuePath = path + ".value";
        return field.Kind switch
        {
            FieldKind.Integer => Numeric(field, op, value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n)
                ? n
                : throw new ApiErrorException(Errors.Validation(valuePath, "This value should be of type integer."))),
            FieldKind.Date => Numeric(field, op, value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : throw new ApiErrorException(Errors.Validation(valuePath, "This value should be a UNIX timestamp (a number)."))),
            FieldKind.String => Text(field, op, value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new ApiErrorException(Errors.Validation(valuePath, JsonBody.NotString))),
            _ => AllTags(field, TagNames(value, valuePath)),
        };
    }

    private static Predicate<T> Numeric(SearchField<T> field, string op, double wanted)
    {
        var values = field.Numbers!;
        return op switch
        {
            "=" => item => values(item).Contains(wanted),
            "!=" => item => !values(item).Contains(wanted),
            ">" => item => values(item).Any(v => v > wanted),
            "<" => item => values(item).Any(v => v < wanted),
            ">=" => item => values(item).Any(v => v >= wanted),
            _ => item => values(item).Any(v => v <= wanted),
        };
    }

    private static Predicate<T> Text(SearchField<T> field, string op, string wanted)
    {
        var normalize = field.Normalize ?? (s => s);
        wanted = normalize(wanted);
        var text = field.Text!;
        Func<T, string?> value = item => text(item) is { } s ? normalize(s) : null;
        return op switch
        {
            "=" => item => string.Equals(value(item), wanted, StringComparison.OrdinalIgnoreCase),
            "!=" => item => !string.Equals(value(item), wanted, StringComparison.OrdinalIgnoreCase),
            "~" => item => value(item)?.Contains(wanted, StringComparison.OrdinalIgnoreCase) == true,
            _ => item => value(item)?.Contains(wanted, StringComparison.OrdinalIgnoreCase) != true,
        };
    }

    /// <summary>Several tags in one filter match items that have all of them (docs §3 U3).</summary>
    private static Predicate<T> AllTags(SearchField<T> field, IReadOnlyList<string> names)
    {
        var tags = field.Tags!;
        return item => names.All(name => tags(item).Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The docs type tagsData as "Array of Strings" but send <c>[{"name": "Paid"}]</c>; both are read.</summary>
    private static IReadOnlyList<string> TagNames(JsonElement value, string path)
    {
        var invalid = new ApiErrorException(Errors.Validation(path, "This value should be a list of tags, e.g. [{\"name\": \"Paid\"}]."));
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw invalid;
        }

        var names = new List<string>();
        foreach (var tag in value.EnumerateArray())
        {
            if (tag.ValueKind == JsonValueKind.String)
            {
                names.Add(tag.GetString()!);
            }
            else if (tag.ValueKind == JsonValueKind.Object && tag.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                names.Add(name.GetString()!);
            }
            else
            {
                throw invalid;
            }
        }

        return names;
    }
}
