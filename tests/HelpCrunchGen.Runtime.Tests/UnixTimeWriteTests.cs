using System.Text;
using System.Text.Json;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Runtime.Tests;

/// <summary>Unix timestamps are written as the API sends them: whole seconds, or seconds with milliseconds.</summary>
public sealed class UnixTimeWriteTests
{
    [Theory]
    [InlineData(1603885746000L, "1603885746")]
    [InlineData(1594139170913L, "1594139170.913")]
    [InlineData(1594139170900L, "1594139170.9")]
    [InlineData(1594139170001L, "1594139170.001")]
    [InlineData(-1500L, "-1.5")]
    [InlineData(0L, "0")]
    public void Writes_seconds_with_a_fraction_only_when_there_are_milliseconds(long milliseconds, string expected)
    {
        Assert.Equal(expected, Write(w => JsonWrite.UnixTime(w, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds))));
        Assert.Equal("{\"t\":" + expected + "}", Write(w =>
        {
            w.WriteStartObject();
            JsonWrite.UnixTime(w, JsonEncodedText.Encode("t"), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
            w.WriteEndObject();
        }));
    }

    [Theory]
    [InlineData("\"1594139170.913\"")]
    [InlineData("1594139170.913")]
    [InlineData("\"1603864800.000\"")]
    [InlineData("1603885746")]
    public void What_is_read_is_written_back_with_the_same_value(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        DateTimeOffset value = JsonRead.UnixTime(ref reader);

        string written = Write(w => JsonWrite.UnixTime(w, value));

        Assert.Equal(decimal.Parse(json.Trim('"'), System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(written, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
