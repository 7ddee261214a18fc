using System.Globalization;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Reading and emitting give the same output under every culture.</summary>
public sealed class GeneratorCultureTests
{
    private const string Numbers = """
        openapi: 3.0.3
        info: { title: Numbers, version: '1' }
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer, minimum: -1.5, default: 2 } }
                - { name: i, in: query, schema: { type: string, enum: [istanbul, IRMAK, '1,5', '-1.5'] } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
                '4XX': { description: no, x-error-codes: [invalid_item, ıi_code] }
        components:
          schemas:
            Level: { enum: [-1, 2, 3] }
            Ratio: { enum: [-0.5, 1.5e3] }
            Item:
              type: object
              properties:
                level: { $ref: '#/components/schemas/Level' }
                ratio: { $ref: '#/components/schemas/Ratio' }
                title: { type: string, default: 'i-İ', maxLength: 1000000 }
                tags: { type: array, items: { type: string, enum: [id, İD, 'ı'] } }
        """;

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Output_and_diagnostics_are_the_same_as_under_the_invariant_culture(string culture)
    {
        foreach ((string path, string text) in Inputs())
        {
            (IReadOnlyDictionary<string, string> expectedFiles, string[] expectedDiagnostics) = Generate(path, text, CultureInfo.InvariantCulture);
            (IReadOnlyDictionary<string, string> files, string[] diagnostics) = Generate(path, text, CultureInfo.GetCultureInfo(culture));

            Assert.Equal(expectedFiles.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
            foreach ((string name, string source) in expectedFiles)
            {
                Assert.True(source == files[name], $"{name} differs under {culture}");
            }

            Assert.Equal(expectedDiagnostics, diagnostics);
        }
    }

    private static IEnumerable<(string Path, string Text)> Inputs()
    {
        yield return ("/project/spec/helpcrunch.yaml", File.ReadAllText(TestPaths.HelpCrunchSpec));
        yield return ("/project/spec/numbers.yaml", Numbers);
    }

    private static (IReadOnlyDictionary<string, string> Files, string[] Diagnostics) Generate(string path, string text, CultureInfo culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var harness = GeneratorHarness.ForSpec(text, path);
            harness.Run();
            string[] diagnostics = harness.GeneratorDiagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition} {d.GetMessage(CultureInfo.InvariantCulture)}")
                .ToArray();
            return (harness.GeneratedFiles, diagnostics);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
