using System.Text.Json;

namespace HelpCrunchGen.Client.Tests.Support;

/// <summary>The comparison the documentation-example tests rely on finds every kind of loss.</summary>
public sealed class JsonEquivalenceTests
{
    [Theory]
    [InlineData("""{"a":1,"b":null}""", """{"a":1}""", "$.b: missing")]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""", "$.b: not in the expected JSON")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "$.a: 2 items expected, 1 found")]
    [InlineData("""{"a":"1594139170.913"}""", """{"a":1594139170}""", "$.a: ")]
    [InlineData("""{"a":"x"}""", """{"a":"y"}""", "$.a: ")]
    [InlineData("""{"a":true}""", """{"a":false}""", "$.a: True expected")]
    [InlineData("""{"a":{"b":[{"c":1}]}}""", """{"a":{"b":[{"c":"one"}]}}""", "$.a.b[0].c: ")]
    public void Reports_the_first_difference_with_its_path(string expected, string actual, string reason)
    {
        using JsonDocument left = JsonDocument.Parse(expected);
        using JsonDocument right = JsonDocument.Parse(actual);

        string? difference = JsonEquivalence.Difference(left.RootElement, right.RootElement, "$");

        Assert.NotNull(difference);
        Assert.StartsWith(reason, difference);
    }

    [Theory]
    [InlineData("""{"a":1,"b":[true,null,"x"]}""", """{"b":[true,null,"x"],"a":1.0}""")]
    [InlineData("""{"t":"1603885746"}""", """{"t":1603885746}""")]
    [InlineData("""{"t":"1594139170.913"}""", """{"t":1594139170.913}""")]
    public void Equivalent_values_have_no_difference(string expected, string actual)
    {
        using JsonDocument left = JsonDocument.Parse(expected);
        using JsonDocument right = JsonDocument.Parse(actual);

        Assert.Null(JsonEquivalence.Difference(left.RootElement, right.RootElement, "$"));
    }
}
