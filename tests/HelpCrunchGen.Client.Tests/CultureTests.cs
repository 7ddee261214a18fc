using System.Globalization;
using System.Net;
using Formatting.Api;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// Path, query and header values of every type are sent the same under every culture (Specs/formatting.yaml):
/// fi-FI writes "1,5" and a U+2212 minus, tr-TR upper-cases i to İ, ar-SA has its own calendar and digits.
/// </summary>
public sealed class CultureTests
{
    public static TheoryData<string> Cultures => new() { "", "fi-FI", "tr-TR", "ar-SA" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Every_parameter_type_is_formatted_invariantly(string culture)
    {
        var handler = new RecordingHandler();
        var client = new FormattingClient(new HttpClient(handler), new ApiClientOptions());

        using (new CultureScope(culture))
        {
            await client.GetValuesAsync(
                -1.5,
                [Mood.Happy, Mood.OnHold, new Mood("x,y")],
                [0.25f, -2f],
                price: -1234.50m,
                delta: -7,
                active: true,
                at: new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2)),
                since: DateTimeOffset.FromUnixTimeSeconds(1603885746),
                id: Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
                mood: Mood.İstanbul,
                days: [new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero)],
                xOffsets: [-1, 20000],
                xMoods: [Mood.İstanbul, Mood.Happy],
                xFlags: [true, false],
                xRatio: 1e-7);
        }

        HttpRequestMessage request = handler.Request!;
        Assert.Equal(
            "https://formatting.example.com/v1/values/-1.5/happy%2Con%20hold%2Cx%2Cy/0.25%2C-2"
            + "?price=-1234.50&delta=-7&active=true&at=2024-05-01T12%3A30%3A00.0000000%2B02%3A00&since=1603885746"
            + "&id=6f9619ff-8b86-d011-b42d-00cf4fc964ff&mood=%C4%B0stanbul&days=2024-01-02T00%3A00%3A00.0000000%2B00%3A00",
            request.RequestUri!.AbsoluteUri);
        Assert.Equal("-1,20000", string.Join("|", request.Headers.GetValues("X-Offsets")));
        Assert.Equal("İstanbul,happy", string.Join("|", request.Headers.GetValues("X-Moods")));
        Assert.Equal("true,false", string.Join("|", request.Headers.GetValues("X-Flags")));
        Assert.Equal("1E-07", string.Join("|", request.Headers.GetValues("X-Ratio")));
    }

    [Fact]
    public void The_cultures_under_test_really_format_differently()
    {
        // Guards the theory above: if these cultures were missing (invariant globalization), it would prove nothing.
        Assert.Equal("−1,5", (-1.5).ToString(CultureInfo.GetCultureInfo("fi-FI")));
        Assert.Equal("İ", "i".ToUpper(CultureInfo.GetCultureInfo("tr-TR")));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
