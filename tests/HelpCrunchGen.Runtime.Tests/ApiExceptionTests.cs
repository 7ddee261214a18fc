namespace HelpCrunchGen.Runtime.Tests;

public sealed class ApiExceptionTests
{
    [Fact]
    public void Constructor_KeepsEveryDetail()
    {
        var inner = new JsonException("bad");
        var ex = new ApiException("getChat", HttpStatusCode.NotFound, [new ApiError("not_found", "Chat not found")], TimeSpan.FromSeconds(3), "{...}", inner);

        Assert.Equal("getChat", ex.OperationId);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("not_found: Chat not found", Assert.Single(ex.Errors).ToString());
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Equal("{...}", ex.ResponseBodyExcerpt);
        Assert.Same(inner, ex.InnerException);
        Assert.Equal("getChat failed with 404 (NotFound): not_found: Chat not found", ex.Message);
    }

    [Fact]
    public void Errors_AreACopyThatCannotBeChanged()
    {
        var errors = new List<ApiError> { new("a", "A") };
        var ex = new ApiException("op", HttpStatusCode.BadRequest, errors, null, null);

        errors.Add(new ApiError("b", "B"));

        Assert.Single(ex.Errors);
        Assert.False(ex.Errors is IList<ApiError> list && !list.IsReadOnly);
    }

    [Fact]
    public void Message_ForAStatusWithoutAName_ShowsTheNumberOnly()
    {
        var ex = new ApiException("op", (HttpStatusCode)599, [], null, null);

        Assert.Equal("op failed with 599.", ex.Message);
    }

    [Fact]
    public void HasCode_IsOrdinalAndLooksAtEveryEntry()
    {
        var ex = new ApiException("op", HttpStatusCode.BadRequest, [new ApiError("invalid_request", ""), new ApiError("unauthorized", "")], null, null);

        Assert.True(ex.HasCode("unauthorized"));
        Assert.False(ex.HasCode("UNAUTHORIZED"));
        Assert.False(ex.HasAnyCode());
        Assert.True(ex.HasAnyCode("x", "invalid_request"));
    }

    [Fact]
    public void Constructor_RejectsNulls()
    {
        Assert.Throws<ArgumentNullException>("operationId", () => new ApiException(null!, HttpStatusCode.OK, [], null, null));
        Assert.Throws<ArgumentNullException>("errors", () => new ApiException("op", HttpStatusCode.OK, null!, null, null));
        Assert.Throws<ArgumentException>("errors", () => new ApiException("op", HttpStatusCode.OK, [null!], null, null));
        Assert.Throws<ArgumentNullException>("code", () => new ApiError(null!, ""));
        Assert.Throws<ArgumentNullException>("message", () => new ApiError("", null!));
    }
}
