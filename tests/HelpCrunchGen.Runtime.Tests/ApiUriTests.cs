using System.Globalization;

namespace HelpCrunchGen.Runtime.Tests;

public sealed class ApiUriTests
{
    [Fact]
    public void Format_IgnoresTheCurrentCulture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NegativeSign = "~";
        odd.NumberFormat.NumberGroupSeparator = ".";
        odd.DateTimeFormat.Calendar = new GregorianCalendar();
        CultureInfo.CurrentCulture = odd;
        try
        {
            Assert.Equal("-42", ApiUri.Format(-42));
            Assert.Equal("-9007199254740993", ApiUri.Format(-9007199254740993L));
            Assert.Equal("1.5", ApiUri.Format(1.5));
            Assert.Equal("-0.1", ApiUri.Format(-0.1));
            Assert.Equal("0.1", ApiUri.Format(0.1f));
            Assert.Equal("1234.50", ApiUri.Format(1234.50m));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Format_OtherTypes()
    {
        Assert.Equal("true", ApiUri.Format(true));
        Assert.Equal("false", ApiUri.Format(false));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", ApiUri.Format(Guid.Parse("{0F8FAD5B-D9CB-469F-A165-70867728950E}")));
        Assert.Equal("2024-05-01T12:30:00.0000000+02:00", ApiUri.Format(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2))));
        Assert.Equal("2024-05-01T12:30:00.1230000+00:00", ApiUri.Format(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 123, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("abc-._~123", "abc-._~123")]
    [InlineData("a/b?c#d", "a%2Fb%3Fc%23d")]
    [InlineData("a b+c&d=e", "a%20b%2Bc%26d%3De")]
    [InlineData("filter[0]", "filter%5B0%5D")]
    [InlineData("żółw", "%C5%BC%C3%B3%C5%82w")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void Escape_IsRfc3986DataEscaping(string value, string expected)
    {
        Assert.Equal(expected, ApiUri.Escape(value));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public void Escape_RefusesValuesThatWouldNameAnotherResource(string value)
    {
        // System.Uri removes dot segments even when percent-encoded: ".../customers/%2E%2E" is sent as ".../".
        ArgumentException error = Assert.Throws<ArgumentException>(() => ApiUri.Escape(value));

        Assert.Equal("value", error.ParamName);
        Assert.Contains($"(it was '{value}')", error.Message);
        Assert.Contains("must not be empty, '.' or '..'", error.Message);
    }

    [Theory]
    [InlineData("...", "...")]
    [InlineData(".a", ".a")]
    [InlineData("a.", "a.")]
    [InlineData(". ", ".%20")]
    [InlineData("%2E%2E", "%252E%252E")]
    [InlineData("../x", "..%2Fx")]
    public void Escape_KeepsValuesThatOnlyContainDots(string value, string expected)
    {
        Assert.Equal(expected, ApiUri.Escape(value));
        Assert.EndsWith("/" + expected, new Uri("https://api.example.com/v1/customers/" + expected).AbsoluteUri);
    }

    [Fact]
    public void Escape_AllocatesNothingForAValueThatNeedsNoEscaping()
    {
        const string value = "customer-42";
        ApiUri.Escape(value); // JIT and first-call costs out of the way

        long before = GC.GetAllocatedBytesForCurrentThread();
        string escaped = ApiUri.Escape(value);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(value, escaped);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void AppendQuery_SkipsNullsAndEscapesNamesAndValues()
    {
        StringBuilder? query = null;

        ApiUri.AppendQuery(ref query, "skipped", null);
        Assert.Null(query);

        ApiUri.AppendQuery(ref query, "limit", ApiUri.Format(100));
        ApiUri.AppendQuery(ref query, "also skipped", null);
        ApiUri.AppendQuery(ref query, "sort[by]", "created at");
        ApiUri.AppendQuery(ref query, "q", "a&b=c");
        ApiUri.AppendQuery(ref query, "empty", "");

        Assert.Equal("?limit=100&sort%5Bby%5D=created%20at&q=a%26b%3Dc&empty=", query!.ToString());
    }

    [Fact]
    public void WithQuery_AppendsTheQueryWhenThereIsOne()
    {
        StringBuilder? query = null;
        Assert.Equal("chats", ApiUri.WithQuery("chats", query));
        Assert.Equal("chats", ApiUri.WithQuery("chats", new StringBuilder()));

        ApiUri.AppendQuery(ref query, "offset", ApiUri.Format(0));
        ApiUri.AppendQuery(ref query, "limit", ApiUri.Format(10));

        Assert.Equal("chats?offset=0&limit=10", ApiUri.WithQuery("chats", query));
    }
}
