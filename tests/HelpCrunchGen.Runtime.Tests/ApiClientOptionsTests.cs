namespace HelpCrunchGen.Runtime.Tests;

public sealed class ApiClientOptionsTests
{
    private const string Secret = "sk_SECRET_4fa9";

    [Theory]
    [InlineData(Secret + "\r\nX-Injected: 1")]
    [InlineData(Secret + "\n")]
    [InlineData(Secret + "\r")]
    [InlineData(Secret + "\t")]
    [InlineData(Secret + "\0")]
    [InlineData(Secret + "\u007F")]
    [InlineData(Secret + "\u0085")]
    public void ApiKey_WithControlCharacter_IsRejectedWithoutShowingTheKey(string key)
    {
        var options = new ApiClientOptions();

        ArgumentException ex = Assert.Throws<ArgumentException>(() => options.ApiKey = key);

        Assert.Equal("value", ex.ParamName);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Null(options.ApiKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc.DEF-123_~+/=")]
    public void ApiKey_WithoutControlCharacters_IsAccepted(string? key)
    {
        var options = new ApiClientOptions { ApiKey = key };

        Assert.Equal(key, options.ApiKey);
    }

    [Fact]
    public void ToString_MasksTheKey()
    {
        var options = new ApiClientOptions { ApiKey = Secret, BaseAddress = new Uri("https://api.helpcrunch.test/v1") };

        string text = options.ToString();

        Assert.Equal("BaseAddress = https://api.helpcrunch.test/v1, ApiKey = ***", text);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithoutKeyOrAddress_SaysSo()
    {
        Assert.Equal("BaseAddress = <default>, ApiKey = <not set>", new ApiClientOptions().ToString());
    }
}
