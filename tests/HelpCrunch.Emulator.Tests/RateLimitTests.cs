using System.Net;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Start = new(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Over_the_limit_is_429_with_retry_after()
    {
        var clock = new ManualTimeProvider(Start);
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 3, TimeProvider = clock });
        using var http = Api.CreateClient(emulator);

        for (int i = 0; i < 3; i++)
        {
            using var ok = await Api.AssignAsync(http, emulator, 5214000, 4188);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await Api.AssignAsync(http, emulator, 5214000, 6691);

        await Api.AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, "too_many_requests", "You have exceeded your requests limit");
        // The clock never moved: the first slot frees a whole minute later, in whole seconds on the wire.
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        // The rejected request did not run.
        Assert.Equal(4188, emulator.Store.FindChat(5214000)!.AssigneeId);
    }

    [Fact]
    public async Task The_window_slides_and_retry_after_counts_down_to_the_freed_slot()
    {
        var clock = new ManualTimeProvider(Start);
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 3, TimeProvider = clock });
        using var http = Api.CreateClient(emulator);

        await AssertStatusAsync(HttpStatusCode.OK);            // t=0
        clock.Advance(TimeSpan.FromSeconds(20));
        await AssertStatusAsync(HttpStatusCode.OK);            // t=20
        await AssertStatusAsync(HttpStatusCode.OK);            // t=20
        Assert.Equal(TimeSpan.FromSeconds(40), await AssertLimitedAsync()); // the t=0 slot frees at t=60

        clock.Advance(TimeSpan.FromSeconds(39.5));
        Assert.Equal(TimeSpan.FromSeconds(1), await AssertLimitedAsync()); // 0.5 s rounds up, never 0

        clock.Advance(TimeSpan.FromSeconds(0.5));
        await AssertStatusAsync(HttpStatusCode.OK);            // t=60: the t=0 request left the window
        Assert.Equal(TimeSpan.FromSeconds(20), await AssertLimitedAsync()); // next slot: t=20 + 60

        async Task AssertStatusAsync(HttpStatusCode expected)
        {
            using var response = await Api.AssignAsync(http, emulator, 5214000, 4188);
            Assert.Equal(expected, response.StatusCode);
        }

        async Task<TimeSpan> AssertLimitedAsync()
        {
            using var response = await Api.AssignAsync(http, emulator, 5214000, 4188);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            return response.Headers.RetryAfter!.Delta!.Value;
        }
    }

    [Fact]
    public async Task A_full_minute_later_the_whole_limit_is_available_again()
    {
        var clock = new ManualTimeProvider(Start);
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 3, TimeProvider = clock });
        using var http = Api.CreateClient(emulator);

        Assert.Equal(new[] { 200, 200, 200, 429, 429 }, await SendAsync(5));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new[] { 200, 200, 200, 429 }, await SendAsync(4));

        async Task<int[]> SendAsync(int count)
        {
            var statuses = new int[count];
            for (int i = 0; i < count; i++)
            {
                using var response = await Api.AssignAsync(http, emulator, 5214000, 4188);
                statuses[i] = (int)response.StatusCode;
            }

            return statuses;
        }
    }

    [Fact]
    public async Task Requests_with_a_bad_key_do_not_count()
    {
        var clock = new ManualTimeProvider(Start);
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 2, TimeProvider = clock });
        using var bad = Api.CreateClient(emulator, "Bearer wrong");
        using var good = Api.CreateClient(emulator);

        for (int i = 0; i < 5; i++)
        {
            using var rejected = await Api.AssignAsync(bad, emulator, 5214000, 4188);
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        using (var first = await Api.AssignAsync(good, emulator, 5214000, 4188))
        using (var second = await Api.AssignAsync(good, emulator, 5214000, 4188))
        using (var third = await Api.AssignAsync(good, emulator, 5214000, 4188))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        }

        // Over the limit a bad key is still told it is bad, not that it is limited.
        using var stillUnauthorized = await Api.AssignAsync(bad, emulator, 5214000, 4188);
        Assert.Equal(HttpStatusCode.Unauthorized, stillUnauthorized.StatusCode);
    }

    [Fact]
    public async Task Error_responses_count_towards_the_limit()
    {
        var clock = new ManualTimeProvider(Start);
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 2, TimeProvider = clock });
        using var http = Api.CreateClient(emulator);

        using (var notFound = await Api.AssignAsync(http, emulator, 1, 4188))
        using (var badRequest = await Api.PutAssigneeAsync(http, emulator, "{"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        }

        using var limited = await Api.AssignAsync(http, emulator, 5214000, 4188);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_exact_under_concurrency()
    {
        var clock = new ManualTimeProvider(Start);
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 10, TimeProvider = clock });
        using var http = Api.CreateClient(emulator);

        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Api.AssignAsync(http, emulator, 5214000, 4188)));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}
