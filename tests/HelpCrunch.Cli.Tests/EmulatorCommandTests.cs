using System.Text.RegularExpressions;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Cli.Tests;

/// <summary><c>emulator</c>: the local API in the foreground, reachable by the CLI itself, until Ctrl+C.</summary>
public sealed partial class EmulatorCommandTests
{
    [Fact]
    public async Task Emulator_prints_address_and_key_serves_the_cli_and_stops_on_ctrl_c()
    {
        using var ctrlC = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext { Out = stdout, Error = stderr, GetEnvironmentVariable = _ => null };
        Task<int> running = Cli.RunAsync(["emulator"], context, ctrlC.Token);

        Match started = await WaitForAsync(stdout, AddressAndKey());
        string baseUrl = started.Groups["url"].Value, key = started.Groups["key"].Value;

        using var clientOut = new StringWriter();
        using var clientErr = new StringWriter();
        int assigned = await Cli.RunAsync(
            ["assign", "--chat", SeedData.PendingUnassignedChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--assignee", "4188", "--base-url", baseUrl],
            clientOut,
            clientErr,
            name => name == Cli.ApiKeyVariable ? key : null,
            CancellationToken.None);

        Assert.True(assigned == 0, clientErr.ToString());
        Assert.Contains("Derek Swanson", clientOut.ToString());
        Assert.False(running.IsCompleted);

        await ctrlC.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("emulator stopped.", stderr.ToString());
    }

    private static async Task<Match> WaitForAsync(StringWriter output, Regex pattern)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Match match = pattern.Match(output.ToString());
            if (match.Success)
            {
                return match;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The emulator did not print its address and key:\n" + output);
    }

    [GeneratedRegex(@"HelpCrunch emulator at (?<url>http://127\.0\.0\.1:\d+/v1/?)\r?\nAPI key: (?<key>\S+)\r?\n")]
    private static partial Regex AddressAndKey();
}
