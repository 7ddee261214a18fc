using System.Text.Json.Serialization.Metadata;

namespace HelpCrunchGen.Runtime.Tests;

/// <summary>The shared JSON helpers generated converters call: paths of nested failures, Unix-time text, context collections.</summary>
public sealed class JsonHelperTests
{
    [Fact]
    public void A_failure_deep_inside_lists_and_maps_has_its_whole_path_once()
    {
        JsonException error = Assert.Throws<JsonException>(() =>
        {
            var reader = Reader("""[{"a":1},{"b c":2,"it's":"x"}]""");
            return JsonRead.List(ref reader, static (ref Utf8JsonReader item) => JsonRead.Map(ref item, JsonRead.Int64));
        });

        Assert.Equal("$[1]['it\\'s']", error.Path);
        Assert.EndsWith(" Path: $[1]['it\\'s']", error.Message);
        Assert.Equal(2, error.Message.Split(" Path: ").Length);
    }

    [Theory]
    [InlineData("\"1.\"")]
    [InlineData("\".5\"")]
    [InlineData("\"1.5x\"")]
    [InlineData("\"1.-5\"")]
    [InlineData("\"\"")]
    [InlineData("1e9")]
    [InlineData("253402300800")]
    [InlineData("\"-62135596801\"")]
    [InlineData("true")]
    public void Text_that_is_not_unix_seconds_in_range_is_a_json_exception(string json)
    {
        Assert.Throws<JsonException>(() =>
        {
            var reader = Reader(json);
            return JsonRead.UnixTime(ref reader);
        });
    }

    [Theory]
    [InlineData("\"1594139170.9135\"", 1594139170913L)]
    [InlineData("\"1594139170.9\"", 1594139170900L)]
    [InlineData("\"-1.25\"", -1250L)]
    [InlineData("1603885746", 1603885746000L)]
    public void Unix_seconds_keep_the_first_three_fraction_digits(string json, long milliseconds)
    {
        var reader = Reader(json);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), JsonRead.UnixTime(ref reader));
    }

    [Fact]
    public void A_context_collection_writes_any_sequence_and_reads_each_shape()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
        JsonTypeInfo Info(Type type) => JsonCollections.TypeInfo<int>(type, options, JsonRead.Int32, static (writer, value) => writer.WriteNumberValue(value))!;

        static IEnumerable<int> Lazy()
        {
            yield return 1;
            yield return 2;
        }

        Assert.Equal("[1,2]", JsonSerializer.Serialize(Lazy(), (JsonTypeInfo<IEnumerable<int>>)Info(typeof(IEnumerable<int>))));
        Assert.Equal([4, 5], JsonSerializer.Deserialize("[4,5]", (JsonTypeInfo<int[]>)Info(typeof(int[])))!);
        Assert.IsType<List<int>>(JsonSerializer.Deserialize("[4,5]", (JsonTypeInfo<ICollection<int>>)Info(typeof(ICollection<int>))));
        Assert.Equal("$[1]", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("[4,\"x\"]", (JsonTypeInfo<List<int>>)Info(typeof(List<int>)))).Path);
        Assert.Null(JsonCollections.TypeInfo<int>(typeof(HashSet<int>), options, JsonRead.Int32, static (writer, value) => writer.WriteNumberValue(value)));
        Assert.Equal(typeof(int), JsonCollections.ItemType(typeof(IReadOnlyCollection<int>)));
        Assert.Null(JsonCollections.ItemType(typeof(int[,])));
    }

    private static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
