using System.Net;
using System.Text.RegularExpressions;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

/// <summary>The emulator serves every operation of spec/helpcrunch.yaml, at its exact path and method.</summary>
public sealed partial class SpecCoverageTests
{
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in ReadOperations())
        {
            data.Add(method, path);
        }

        return data;
    }

    [Fact]
    public void The_spec_has_the_30_operations()
    {
        Assert.Equal(30, ReadOperations().Count);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_spec_operation_is_routed(string method, string path)
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();
        using var http = Api.CreateClient(emulator);
        string concrete = path.Replace("{chatId}", "5214000").Replace("{customerId}", "8740457").Replace("{agentId}", "4188");

        using var response = await Api.SendAsync(http, emulator, method, concrete, method == "GET" ? null : "{}");
        string body = await response.Content.ReadAsStringAsync();

        // An unrouted request gets 405 or the emulator's own 404 "Not found"; anything else comes from the endpoint.
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain("\"message\":\"Not found\"", body);
        Assert.True((int)response.StatusCode < 500, body);
    }

    /// <summary>(METHOD, /path) of each operation under the spec's <c>paths:</c>, read line by line (the file's layout is fixed).</summary>
    private static List<(string Method, string Path)> ReadOperations()
    {
        var operations = new List<(string, string)>();
        string? path = null;
        bool inPaths = false;
        foreach (string line in File.ReadLines(FindSpec()))
        {
            if (line == "paths:")
            {
                inPaths = true;
            }
            else if (inPaths && line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                break;
            }
            else if (inPaths && PathLine().Match(line) is { Success: true } p)
            {
                path = p.Groups[1].Value;
            }
            else if (inPaths && path is not null && MethodLine().Match(line) is { Success: true } m)
            {
                operations.Add((m.Groups[1].Value.ToUpperInvariant(), path));
            }
        }

        return operations;
    }

    /// <summary>The spec in this repository: the nearest spec/helpcrunch.yaml above the test's output folder.</summary>
    private static string FindSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "spec", "helpcrunch.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("spec/helpcrunch.yaml was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^  (/\S+):\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    (get|put|post|patch|delete):\s*$")]
    private static partial Regex MethodLine();
}
