using HelpCrunch.Emulator;

namespace HelpCrunchGen.Package.Tests;

/// <summary>
/// Brand-new apps that install HelpCrunchGen and HelpCrunchGen.Extensions from the local feed: a
/// Microsoft.Extensions.Hosting app (options from configuration, Microsoft's standard resilience handler in place of
/// ours) and a plain console app (options in code, the default handler with more retries). Each makes 24 calls, 8 at a time, against an
/// emulator that allows 6 per second: a 429 storm that every call must survive.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ExtensionsConsumerTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("HostedApp")]
    [InlineData("ConsoleApp")]
    public async Task Builds_from_the_local_feed_and_survives_a_429_storm(string app)
    {
        fixture.EnsurePacked();
        string directory = Path.Combine(fixture.WorkRoot, app);
        Directory.CreateDirectory(Path.Combine(directory, "spec"));
        File.Copy(Path.Combine(fixture.RepositoryRoot, "spec", "helpcrunch.yaml"), Path.Combine(directory, "spec", "helpcrunch.yaml"));
        bool hosted = app == "HostedApp";
        await File.WriteAllTextAsync(Path.Combine(directory, app + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>Consumer</RootNamespace>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HelpCrunchGen" Version="{fixture.Version}" />
                <PackageReference Include="HelpCrunchGen.Extensions" Version="{fixture.Version}" />
                <PackageReference Include="{(hosted ? "Microsoft.Extensions.Hosting" : "Microsoft.Extensions.DependencyInjection")}" Version="10.0.13" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), hosted ? HostedProgram : ConsoleProgram);

        ProcessResult build = await PackageFixture.SucceededAsync(DotnetCli.RunAsync(directory,
            ["build", "--configuration", "Release", "-warnaserror", "--disable-build-servers", "-tl:off"], TimeSpan.FromMinutes(6)));
        Assert.True(build.WarningLines().Count == 0, build.Describe());
        Assert.True(build.GeneratorLoadFailures().Count == 0, build.Describe());

        await using HelpCrunchEmulator emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 6, RateLimitWindow = TimeSpan.FromSeconds(1) });
        ProcessResult run = await DotnetCli.RunAsync(directory,
            [Path.Combine("bin", "Release", "net10.0", app + ".dll"), emulator.BaseAddress.ToString(), emulator.ApiKey],
            TimeSpan.FromMinutes(2));
        output.WriteLine(run.Output);

        Assert.True(run.Succeeded, run.Describe());
        Assert.Contains("24 of 24 calls succeeded", run.Output);

        // One span per call, named after the operation, and the client's Debug logs (plus, where our handler sees each
        // attempt, the 429s at Warning); the key in none of it.
        Assert.Contains("24 spans", run.Output);
        Assert.Contains("span updateChatAssignee http.request.method=PUT", run.Output);
        Assert.Contains("Calling updateChatAssignee: PUT", run.Output);
        if (!hosted)
        {
            Assert.Contains("updateChatAssignee was refused with 429 Too Many Requests", run.Output);
        }

        Assert.DoesNotContain(emulator.ApiKey, run.Output);
    }

    private const string Storm = """
        static async Task<int> StormAsync(IHelpCrunchClient client)
        {
            var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
            using var listener = new System.Diagnostics.ActivityListener
            {
                ShouldListenTo = source => source.Name == HelpCrunchClient.ActivitySourceName,
                Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = spans.Enqueue,
            };
            System.Diagnostics.ActivitySource.AddActivityListener(listener);
            int succeeded = 0;
            using var gate = new SemaphoreSlim(8);
            await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    await client.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 });
                    Interlocked.Increment(ref succeeded);
                }
                catch (HelpCrunchGen.Runtime.ApiException ex)
                {
                    Console.WriteLine(ex.Message);
                }
                finally
                {
                    gate.Release();
                }
            }));
            foreach (System.Diagnostics.Activity span in spans)
            {
                Console.WriteLine($"span {span.DisplayName} {string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))}");
            }

            Console.WriteLine($"{spans.Count} spans");
            Console.WriteLine($"{succeeded} of 24 calls succeeded");
            return succeeded == 24 ? 0 : 1;
        }
        """;

    private const string HostedProgram = """
        using Consumer;
        using HelpCrunchGen.Extensions;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        HostApplicationBuilder builder = Host.CreateApplicationBuilder([$"--HelpCrunch:BaseAddress={args[0]}", $"--HelpCrunch:ApiKey={args[1]}", "--Logging:LogLevel:Default=Debug"]);
        builder.Services.AddHelpCrunchClient(builder.Configuration.GetSection("HelpCrunch"))
            .ConfigureApiResilience(o => o.Enabled = false)
            .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 8);
        using IHost host = builder.Build();
        await host.StartAsync();
        int exit = await StormAsync(host.Services.GetRequiredService<IHelpCrunchClient>());
        await host.StopAsync();
        return exit;

        """ + Storm;

    private const string ConsoleProgram = """
        using Consumer;
        using HelpCrunchGen.Extensions;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new ConsoleLines()).SetMinimumLevel(LogLevel.Debug));
        services.AddHelpCrunchClient(o =>
            {
                o.BaseAddress = new Uri(args[0]);
                o.ApiKey = args[1];
            })
            .ConfigureApiResilience(o => o.MaxRetryAttempts = 8);
        await using ServiceProvider provider = services.BuildServiceProvider();
        return await StormAsync(provider.GetRequiredService<IHelpCrunchClient>());

        """ + Storm + ConsoleLines;

    // After the top-level statements (StormAsync is one of them): a logger that prints every level to the console.
    private const string ConsoleLines = """

        sealed class ConsoleLines : ILoggerProvider
        {
            public ILogger CreateLogger(string category) => new Lines(category);

            public void Dispose()
            {
            }

            private sealed class Lines(string category) : ILogger
            {
                public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

                public bool IsEnabled(LogLevel level) => true;

                public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> format) =>
                    Console.WriteLine($"{level} {category}: {format(state, exception)}");
            }
        }
        """;
}
