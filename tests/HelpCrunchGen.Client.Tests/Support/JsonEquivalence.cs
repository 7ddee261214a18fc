using System.Globalization;
using System.Text.Json;

namespace HelpCrunchGen.Client.Tests.Support;

/// <summary>
/// Deep comparison of two JSON values that says where they differ. Key order does not matter; everything else does,
/// with one allowance: the API sends Unix timestamps as numbers or as numeric strings (<c>"1603885746"</c>,
/// <c>"1594139170.913"</c>) and the client writes numbers, so a numeric string equals the number it spells.
/// </summary>
internal static class JsonEquivalence
{
    public static void AssertEquivalent(string expectedJson, string actualJson)
    {
        using JsonDocument expected = JsonDocument.Parse(expectedJson);
        using JsonDocument actual = JsonDocument.Parse(actualJson);
        string? difference = Difference(expected.RootElement, actual.RootElement, "$");
        if (difference is not null)
        {
            Assert.Fail($"{difference}\nexpected: {expectedJson}\nactual:   {actualJson}");
        }
    }

    /// <summary>The first difference as a JSON path and a reason, or null when the values are equivalent.</summary>
    public static string? Difference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var actualProperties = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            foreach (JsonProperty property in expected.EnumerateObject())
            {
                if (!actualProperties.Remove(property.Name, out JsonElement value))
                {
                    return $"{path}.{property.Name}: missing (it was dropped)";
                }

                if (Difference(property.Value, value, $"{path}.{property.Name}") is { } inner)
                {
                    return inner;
                }
            }

            return actualProperties.Count == 0 ? null : $"{path}.{actualProperties.Keys.First()}: not in the expected JSON (added)";
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            int count = expected.GetArrayLength();
            if (count != actual.GetArrayLength())
            {
                return $"{path}: {count} items expected, {actual.GetArrayLength()} found";
            }

            for (int i = 0; i < count; i++)
            {
                if (Difference(expected[i], actual[i], $"{path}[{i}]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (AsNumber(expected) is { } expectedNumber && AsNumber(actual) is { } actualNumber
            && (expected.ValueKind == JsonValueKind.Number || actual.ValueKind == JsonValueKind.Number))
        {
            return expectedNumber == actualNumber ? null : $"{path}: {expected.GetRawText()} expected, {actual.GetRawText()} found";
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} expected, {actual.ValueKind} found ({actual.GetRawText()})";
        }

        return expected.ValueKind switch
        {
            JsonValueKind.String when expected.GetString() != actual.GetString() => $"{path}: {expected.GetRawText()} expected, {actual.GetRawText()} found",
            _ => null,
        };
    }

    private static decimal? AsNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDecimal(out decimal number) => number,
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number) => number,
        _ => null,
    };
}
