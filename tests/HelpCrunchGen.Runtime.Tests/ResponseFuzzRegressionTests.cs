namespace HelpCrunchGen.Runtime.Tests;

/// <summary>Responses the client-side fuzzing (Client.Tests ResponseFuzzTests) found escaping as something other than ApiException.</summary>
public sealed class ResponseFuzzRegressionTests
{
    [Theory]
    [InlineData("\"-62135596800.5\"")]
    [InlineData("-62135596800.5")]
    [InlineData("\"-62135596800.001\"")]
    public void UnixTime_a_fraction_below_the_first_representable_second_is_a_json_exception(string json)
    {
        // Found: AddMilliseconds threw ArgumentOutOfRangeException, which no caller expected from a reader.
        Assert.Throws<JsonException>(() => ReadUnixTime(json));
    }

    [Theory]
    [InlineData("\"-62135596800\"", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("\"253402300799.999\"", "9999-12-31T23:59:59.9990000+00:00")]
    [InlineData("\"-0.5\"", "1969-12-31T23:59:59.5000000+00:00")]
    public void UnixTime_the_edges_of_the_range_still_read(string json, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReadUnixTime(json));
    }

    [Theory]
    [InlineData("\"\\u0031603885746\"")]
    [InlineData("\"16038857\\u00346\"")]
    public void UnixTime_an_escaped_numeric_string_reads_as_the_text_it_escapes(string json)
    {
        // Seen while fuzzing: the raw, still escaped bytes were parsed, so a valid JSON string for 1603885746 was refused.
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1603885746), ReadUnixTime(json));
    }

    [Fact]
    public void UnixTime_an_escaped_lone_surrogate_is_a_read_failure()
    {
        Exception error = Assert.ThrowsAny<Exception>(() => ReadUnixTime("\"\\uD800\""));

        Assert.True(JsonRead.IsReadFailure(error), error.ToString());
    }

    [Fact]
    public async Task A_reader_failing_with_an_argument_exception_is_an_api_exception_with_it_inside()
    {
        var connection = TestClient.Create(new FakeHandler(_ => Responses.Json(HttpStatusCode.OK, "\"-62135596800.5\"")));

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(
            connection.CreateRequest(HttpMethod.Get, "chats/1/snoozed-until"),
            "getSnoozedUntil",
            TestClient.Ok,
            static (ref Utf8JsonReader reader) => DateTimeOffset.MinValue.AddMilliseconds(-500), // what JsonRead.UnixTime did
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Equal("\"-62135596800.5\"", error.ResponseBodyExcerpt);
    }

    [Theory]
    [InlineData("", ApiException.MaxMessageLength)]
    [InlineData("a", ApiException.MaxMessageLength - 1)] // the cut would split a surrogate pair: one char less
    public void The_message_is_cut_however_long_the_entries_are_and_the_entries_are_kept(string padding, int expectedLength)
    {
        // Found: an 800 KiB error envelope (under the body cap) made an 800,000-character exception message.
        string code = padding + string.Concat(Enumerable.Repeat("😀", 3000));
        var error = new ApiException("op", HttpStatusCode.BadRequest, [new ApiError(code, new string('m', 5000)), new ApiError("x", "y")], null, null);

        Assert.Equal(expectedLength, error.Message.Length);
        Assert.StartsWith("op failed with 400 (BadRequest): " + padding + "😀", error.Message);
        Assert.EndsWith("…", error.Message);
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetByteCount(error.Message); // no half surrogate pair
        Assert.Equal(code, error.Errors[0].Code);
        Assert.Equal(2, error.Errors.Count);
    }

    private static DateTimeOffset ReadUnixTime(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonRead.UnixTime(ref reader);
    }
}
