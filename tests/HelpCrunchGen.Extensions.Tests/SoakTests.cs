using System.Diagnostics;
using System.Globalization;
using System.Net;
using HelpCrunch.Api;
using HelpCrunch.Emulator;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HelpCrunchGen.Extensions.Tests;

/// <summary>
/// Many calls from 8 concurrent workers, offered at three times the emulator's limit, with its window shortened to
/// seconds. The bar: no call lost (each succeeds, or fails with an ApiException after the retry cap), and with the
/// client-side limiter on, the emulator never sees more than its limit in a window (it would answer 429).
/// CI runs 240 calls per test; the full run: <c>HCG_SOAK_CALLS=1000 dotnet test tests/HelpCrunchGen.Extensions.Tests --filter "FullyQualifiedName~SoakTests" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int Limit = 200;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(2);
    private static readonly int s_calls = int.TryParse(Environment.GetEnvironmentVariable("HCG_SOAK_CALLS"), NumberStyles.None, CultureInfo.InvariantCulture, out int calls) && calls > 0 ? calls : 240;

    [Fact]
    public async Task With_the_limiter_no_call_is_lost_and_the_emulator_never_answers_429()
    {
        Figures figures = await RunAsync(rateLimited: true);

        Assert.Equal(0, figures.Lost);
        Assert.Equal(0, figures.TooManyRequests);
        Assert.Equal(s_calls, figures.Succeeded);
    }

    [Fact]
    public async Task With_retries_only_no_call_is_lost()
    {
        Figures figures = await RunAsync(rateLimited: false);

        Assert.Equal(0, figures.Lost);
        Assert.Equal(s_calls, figures.Succeeded + figures.FailedAfterCap);
        Assert.True(figures.TooManyRequests > 0, "the load never reached the limit: the test proves nothing");
        Assert.True(figures.Attempts > s_calls, "no call was retried");
    }

    private async Task<Figures> RunAsync(bool rateLimited)
    {
        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = Limit, RateLimitWindow = s_window });
        var counts = new AttemptCounts();
        var services = new ServiceCollection();
        services.AddHelpCrunchClient(options =>
            {
                options.ApiKey = emulator.ApiKey;
                options.BaseAddress = emulator.BaseAddress;
            })
            .ConfigureApiResilience(options => options.RateLimit = rateLimited ? new ApiRateLimitOptions { PermitLimit = Limit, Window = s_window } : null)
            .AddHttpMessageHandler(() => new CountingHandler(counts));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHelpCrunchClient>();

        // Call i may start at i × (window / 3·limit): three times the rate the emulator allows.
        TimeSpan interval = s_window / (3.0 * Limit);
        int next = -1, succeeded = 0, failedAfterCap = 0, lost = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (int i = Interlocked.Increment(ref next); i < s_calls; i = Interlocked.Increment(ref next))
            {
                TimeSpan due = interval * i - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                try
                {
                    await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });
                    Interlocked.Increment(ref succeeded);
                }
                catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref failedAfterCap);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref lost);
                    output.WriteLine($"lost: {ex.GetType().Name}: {ex.Message}");
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        var figures = new Figures(s_calls, succeeded, failedAfterCap, lost, counts.Attempts, counts.TooManyRequests, clock.Elapsed);
        output.WriteLine($"limiter {(rateLimited ? "on" : "off")}, emulator {Limit}/{s_window.TotalSeconds:0} s: {figures}");
        return figures;
    }

    private sealed record Figures(int Calls, int Succeeded, int FailedAfterCap, int Lost, int Attempts, int TooManyRequests, TimeSpan Wall)
    {
        public override string ToString() =>
            $"calls {Calls}, succeeded {Succeeded}, ApiException after cap {FailedAfterCap}, lost {Lost}, attempts {Attempts}, retries {Attempts - Calls}, 429s seen {TooManyRequests}, wall {Wall.TotalSeconds:0.0} s";
    }

    private sealed class AttemptCounts
    {
        public int Attempts;
        public int TooManyRequests;
    }

    // Innermost (added after the resilience handler): sees every attempt, retries included.
    private sealed class CountingHandler(AttemptCounts counts) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counts.Attempts);
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref counts.TooManyRequests);
            }

            return response;
        }
    }
}
