using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// One minimal reproduction per failure class found in tests/data/specs (RealWorldSpecTests), each a few
/// lines cut down from a real spec; the letters are the classes in tests/data/specs/README.md. Each asserts
/// what a valid spec deserves: no exception, no HCG error (a warning is fine), every diagnostic at a
/// position, and generated code that compiles with 0 errors and 0 warnings.
/// </summary>
public sealed class RealWorldRegressions
{
    private const string Head = """
        openapi: 3.0.3
        info:
          title: Regression
          version: '1'

        """;

    public static TheoryData<string, string> Specs => new()
    {
        // (D) Parameter names the client emitter also uses for its locals and parameters (readme.json: `query`).
        { "parameter named query", Operation("parameters: [{ name: query, in: query, schema: { type: string } }]") },
        { "parameter named request", Operation("parameters: [{ name: request, in: query, schema: { type: string } }]") },
        { "parameter named uri", Operation("parameters: [{ name: uri, in: query, schema: { type: string } }]") },
        { "parameter named cancellationToken", Operation("parameters: [{ name: cancellationToken, in: query, schema: { type: string } }]") },
        { "parameter named body beside a request body", Operation(
            "parameters: [{ name: body, in: query, schema: { type: string } }]",
            "requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } } }") },
        { "parameter named item beside an array query parameter", Operation(
            "parameters: [{ name: ids, in: query, schema: { type: array, items: { type: string } } }, { name: item, in: query, schema: { type: string } }]") },

        // (D) Properties named like members every record has (CS0102 'A' already contains a definition for 'ToString').
        { "properties named toString and equals", Schemas("A: { type: object, properties: { toString: { type: string }, equals: { type: string } } }") },

        // (B) Schema names the emitter also uses: HCG0008, an error, reported at line 1 column 1 instead of at the schema.
        { "schema named Options", Schemas("Options: { type: object, properties: { a: { type: string } } }") },
        { "schema named like the client", Schemas("RegressionClient: { type: object, properties: { a: { type: string } } }") },

        // (B) The name given to an inline schema is taken by a component (HCG0008 today).
        { "inline enum named like a component", Schemas("Order: { type: object, properties: { status: { type: string, enum: [a, b] } } }\n    OrderStatus: { type: object, properties: { x: { type: string } } }") },

        // (B) Two spec names that map to one C# name (github-webhooks.json: reactions `+1` and `-1`; HCG0008 today).
        { "properties +1 and -1", Schemas("Reactions: { type: object, properties: { '+1': { type: integer }, '-1': { type: integer } } }") },
        { "properties user_id and userId", Schemas("User: { type: object, properties: { user_id: { type: string }, userId: { type: string } } }") },

        // (C) The same enum value listed twice (readme-schema-enums.yaml; HCG0008 today).
        { "duplicate enum values", Schemas("Status: { type: string, enum: ['', '', available, available] }") },

        // (A) An operation without operationId (oai-callbacks.yaml, blockfrost.yaml …; HCG0003, an error, today).
        { "operation without operationId", Head + """
            paths:
              /streams:
                post:
                  responses:
                    '201': { description: created }
            """ },

        // (F) An optional request body of a value type (readme.json: CS1503 JsonElement? -> JsonElement).
        { "optional free-form request body", Operation("requestBody: { content: { application/json: { schema: {} } } }") },
        { "optional integer request body", Operation("requestBody: { content: { application/json: { schema: { type: integer } } } }") },

        // (H) Arrays of enums as header or path parameters (CS0023 "Operator '?' cannot be applied"; in query they work).
        { "array of enums in header", Operation("parameters: [{ name: X-States, in: header, schema: { type: array, items: { type: string, enum: [open, closed] } } }]") },
        { "array of enums in path", Head + """
            paths:
              /items/{states}:
                get:
                  operationId: getItems
                  parameters: [{ name: states, in: path, required: true, schema: { type: array, items: { type: string, enum: [open, closed] } } }]
                  responses:
                    '204': { description: done }
            """ },

        // (E) A required property that is deprecated (blockfrost.yaml: CS9042 on `required` + [Obsolete]).
        { "required deprecated property", Schemas("Drep: { type: object, required: [active], properties: { active: { type: boolean, deprecated: true } } }") },

        // (G) A literal block scalar whose first line holds only the indentation (figma.yaml line 3283): PyYAML
        // and js-yaml read it; YamlDotNet 18.1.0 reports HCG0001 "found extra spaces in first line".
        { "literal block scalar starting with a blank line", Head + "components:\n  schemas:\n    A:\n      type: string\n      description: |-\n        \n        text\n" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Real_world_construct_generates_clean_code(string construct, string yaml)
    {
        var harness = GeneratorHarness.ForSpec(yaml);

        GeneratorDriverRunResult result = harness.Run();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.All(result.Diagnostics, d => Assert.True(d.Location.GetLineSpan().StartLinePosition.Line > 0, construct + ", not positioned: " + d));
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, construct + ": " + string.Join(Environment.NewLine, errors));
        var compile = harness.CompileDiagnostics();
        Assert.True(compile.Count == 0, construct + ": " + string.Join(Environment.NewLine, compile.Take(5)));
    }

    [Fact]
    public void Skipped_body_content_type_has_a_readable_message()
    {
        var harness = GeneratorHarness.ForSpec(Operation("requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object } } } }"));

        harness.Run();

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        // Today: "The request body content type '…' (only JSON bodies are supported); the operation is
        // skipped is not supported; the value is typed as JsonElement".
        Assert.DoesNotContain("skipped is not supported", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private static string Operation(params string[] members) =>
        Head + "paths:\n  /items:\n    post:\n      operationId: postItems\n"
        + string.Concat(members.Select(m => "      " + m + "\n"))
        + "      responses:\n        '204': { description: done }\n";

    private static string Schemas(string schema) => Head + "components:\n  schemas:\n    " + schema + "\n";
}
