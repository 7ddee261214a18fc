using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>The emulator as its own process, as <c>dotnet run --project samples/HelpCrunch.Emulator -- …</c> starts it.</summary>
public sealed class StandaloneTests
{
    [Fact]
    public async Task Options_set_the_error_style_and_the_signed_webhooks_and_the_key_is_printed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var process = Start("--port", "0", "--error-style", "new", "--webhook-url", receiver.Url.ToString(), "--webhook-key", "k123");
        try
        {
            var output = new StringBuilder();
            string? baseAddress = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("Base address:"))
                {
                    baseAddress = line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim();
                }

                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.Contains($"POST {receiver.Url}, signing key k123", output.ToString());
            Assert.NotNull(baseAddress);
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new("Bearer", Api.DefaultKey);

            using var missing = await http.GetAsync(baseAddress + "/chats/1");
            using var assigned = await http.PutAsync(baseAddress + "/chats/assignee", new StringContent("{\"id\": 5214000, \"assignee\": 4188}"));
            var webhook = await receiver.NextAsync();

            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            using var errors = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
            Assert.Equal(new[] { "invalid_request", "not_found" }, errors.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToArray());
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
            Assert.Equal(Convert.ToHexStringLower(HMACSHA1.HashData("k123"u8, webhook.Body)), webhook.Signature);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("--error-style", "loud")]
    [InlineData("--webhook-url", "ftp://127.0.0.1/hooks")]
    [InlineData("--webhook-key", " ")]
    public async Task A_bad_option_value_is_exit_code_2_with_the_usage(string option, string value)
    {
        using var process = Start(option, value);

        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains($"Invalid value '{value}' for '{option}'.", error);
        Assert.Contains("--error-style old|new", error);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HelpCrunch.Emulator.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
    }
}
