using System.Buffers;

namespace HelpCrunchGen.Runtime.Tests;

/// <summary>The table every generated enum searches: positions of values and aliases, from strings and from UTF-8.</summary>
public sealed class EnumValuesTests
{
    private static readonly EnumValues s_status = new("ChatStatus", ["new", "opened", "on hold"], ("open", 1), ("on-hold", 2), ("onhold", 2));

    [Theory]
    [InlineData("new", 0)]
    [InlineData("opened", 1)]
    [InlineData("open", 1)]
    [InlineData("on hold", 2)]
    [InlineData("onhold", 2)]
    [InlineData("Open", -1)]
    [InlineData("closed", -1)]
    [InlineData("", -1)]
    [InlineData(null, -1)]
    public void Find_answers_the_position_of_the_value_a_spelling_names(string? spelling, int expected) =>
        Assert.Equal(expected, s_status.Find(spelling));

    [Theory]
    [InlineData("\"opened\"", "opened", 1)]
    [InlineData("\"on-hold\"", "on-hold", 2)]
    [InlineData("\"ope\\u006e\"", "open", 1)]
    [InlineData("\"new\\u0020\"", "new ", -1)]
    [InlineData("\"OPENED\"", "OPENED", -1)]
    public void Read_answers_the_spelling_and_its_position(string json, string spelling, int expected)
    {
        var reader = ReaderOn(Encoding.UTF8.GetBytes(json));

        string read = s_status.Read(ref reader, out int position);

        Assert.Equal(spelling, read);
        Assert.Equal(expected, position);
    }

    [Fact]
    public void A_known_spelling_read_is_the_tables_own_string()
    {
        var reader = ReaderOn("\"on hold\""u8.ToArray());

        string read = s_status.Read(ref reader, out _);

        Assert.Same(string.IsInterned("on hold"), read);
    }

    [Fact]
    public void A_spelling_split_across_buffer_segments_is_found()
    {
        var first = new Segment("\"on h"u8.ToArray());
        Segment last = first.Append("old\""u8.ToArray());
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();

        Assert.True(reader.HasValueSequence);
        Assert.Same(string.IsInterned("on hold"), s_status.Read(ref reader, out int position));
        Assert.Equal(2, position);
    }

    [Fact]
    public void Reading_a_known_value_or_alias_allocates_nothing()
    {
        byte[] json = "[\"new\",\"open\",\"onhold\",\"on hold\"]"u8.ToArray();
        ReadAll(json);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = ReadAll(json);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0 + 1 + 2 + 2, sum);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Read_rejects_anything_but_a_string(string json) =>
        Assert.Throws<JsonException>(() =>
        {
            var reader = ReaderOn(Encoding.UTF8.GetBytes(json));
            s_status.Read(ref reader, out _);
        });

    [Fact]
    public void Write_writes_the_spelling_and_refuses_the_missing_value_of_default()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            s_status.Write(writer, "onhold");
        }

        Assert.Equal("\"onhold\"", Encoding.UTF8.GetString(buffer.WrittenSpan));

        using var other = new Utf8JsonWriter(new ArrayBufferWriter<byte>());
        ArgumentException error = Assert.Throws<ArgumentException>("value", () => s_status.Write(other, null));
        Assert.StartsWith("default(ChatStatus) has no wire value; use one of its known values or new ChatStatus(\"…\").", error.Message);
    }

    [Fact]
    public void A_repeated_spelling_names_its_first_value()
    {
        var values = new EnumValues("Twice", ["a", "b"], ("a", 1));

        Assert.Equal(0, values.Find("a"));
        var reader = ReaderOn("\"a\""u8.ToArray());
        values.Read(ref reader, out int position);
        Assert.Equal(0, position);
    }

    [Fact]
    public void A_bad_table_is_refused_with_argument_exceptions()
    {
        Assert.Throws<ArgumentOutOfRangeException>("aliases", () => new EnumValues("T", ["a"], ("b", 1)));
        Assert.Throws<ArgumentOutOfRangeException>("aliases", () => new EnumValues("T", ["a"], ("b", -1)));
        Assert.Throws<ArgumentNullException>("values", () => new EnumValues("T", null!));
        Assert.Throws<ArgumentNullException>("values", () => new EnumValues("T", [null!]));
        Assert.Throws<ArgumentNullException>("aliases", () => new EnumValues("T", ["a"], (null!, 0)));
        Assert.Throws<ArgumentNullException>("typeName", () => new EnumValues(null!, ["a"]));
    }

    private static int ReadAll(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        int sum = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            s_status.Read(ref reader, out int position);
            sum += position;
        }

        return sum;
    }

    private static Utf8JsonReader ReaderOn(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes) => Memory = bytes;

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
