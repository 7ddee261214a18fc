using System.Text.Json;
using System.Text.RegularExpressions;

namespace HelpCrunchGen.Client.Tests.Fuzz;

/// <summary>A documentation payload to mutate, and the status code it was documented with.</summary>
internal sealed partial record Seed(string Name, byte[] Body, int Status)
{
    public bool IsError => Status >= 400;

    /// <summary>
    /// Every response and error example, as documented, plus each item of a top-level <c>data</c> array on its own
    /// (a chat from a list is a valid body for an operation that returns one chat, so its mutations go deep).
    /// </summary>
    public static IReadOnlyList<Seed> LoadAll()
    {
        var seeds = new List<Seed>();
        foreach (string path in Directory.GetFiles(Examples.Directory, "*.json").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            Match error = ErrorName().Match(name);
            if (!error.Success && !name.Contains(".response.", StringComparison.Ordinal))
            {
                continue; // request bodies are not responses
            }

            byte[] body = File.ReadAllBytes(path);
            int status = error.Success ? int.Parse(error.Groups[1].Value) : 200;
            seeds.Add(new Seed(name, body, status));

            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("data", out JsonElement data)
                && data.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (JsonElement item in data.EnumerateArray())
                {
                    seeds.Add(new Seed($"{name}#data[{index++}]", JsonSerializer.SerializeToUtf8Bytes(item), 200));
                }
            }
        }

        return seeds;
    }

    [GeneratedRegex(@"\.error-(\d{3})")]
    private static partial Regex ErrorName();
}
