using System.Net;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

public sealed class AuthTests
{
    [Theory]
    [InlineData("")] // no Authorization header at all
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer ")]
    [InlineData("Bearer")]
    [InlineData("hc-emulator-key")]
    [InlineData("Basic hc-emulator-key")]
    [InlineData("Bearer <hc-emulator-key>")] // the docs' placeholder brackets, sent literally (a known client bug)
    [InlineData("Bearer HC-EMULATOR-KEY")]
    [InlineData("Bearer  hc-emulator-key")]
    public async Task Missing_or_wrong_key_is_401_invalid_token(string authorization)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator, authorization);

        using var response = await Api.AssignAsync(http, emulator, 5214000, 4188);

        await Api.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token", "Invalid token");
        Assert.Null(emulator.Store.FindChat(5214000)!.AssigneeId);
    }

    [Fact]
    public async Task The_scheme_is_case_insensitive()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator, "bearer " + emulator.ApiKey);

        using var response = await Api.AssignAsync(http, emulator, 5214000, 4188);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authentication_is_checked_before_the_body()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator, "Bearer nope");

        using var response = await Api.PutAssigneeAsync(http, emulator, "{ not json");

        await Api.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_token", "Invalid token");
    }
}
