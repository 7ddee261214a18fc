using System.Text.Json;

namespace HelpCrunchGen.Package.Tests;

/// <summary>The AdditionalFiles items MSBuild evaluates for a project (<c>dotnet msbuild -getItem</c>), no build.</summary>
internal static class MsBuildItems
{
    public static async Task<IReadOnlyList<JsonElement>> AdditionalFilesAsync(string projectDirectory, params string[] properties)
    {
        ProcessResult evaluation = await PackageFixture.SucceededAsync(DotnetCli.RunAsync(projectDirectory,
            ["msbuild", "-getItem:AdditionalFiles", .. properties], TimeSpan.FromMinutes(2)));

        using JsonDocument json = JsonDocument.Parse(evaluation.Output[evaluation.Output.IndexOf('{')..]);
        return json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray().Select(item => item.Clone()).ToArray();
    }

    public static string? Metadata(this JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
}
