using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;
using Microsoft.CodeAnalysis;
using TypeKind = HelpCrunchGen.Generator.Model.TypeKind;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// <c>x-enum-aliases</c>, the companion Kind enum, and scalar unions (a <c>oneOf</c> of primitives): what the
/// reader makes of them, what it reports when they are malformed, and that the output compiles cleanly.
/// </summary>
public sealed class EnumAndUnionTests
{
    private const string Head = """
        openapi: 3.1.0
        info: { title: Shapes, version: '1' }
        paths: {}
        components:
          schemas:

        """;

    private const string StatusSchema = """
            Status:
              type: string
              enum: [new, opened, on hold, onhold, closed]
              x-enum-aliases:
                opened: [open]
                on hold: [on-hold, onhold]

        """;

    private static ApiSpec Read(string yaml) =>
        SpecReader.Read(new SpecSource("/s.yaml", yaml, new SpecFileOptions(null, null, false)), CancellationToken.None).Spec!;

    /// <summary>Generates and asserts a clean compilation; returns the generator's own diagnostics.</summary>
    private static IReadOnlyList<Diagnostic> Compiles(string yaml)
    {
        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();

        Assert.All(harness.LastRun!.Results, r => Assert.Null(r.Exception));
        IReadOnlyList<Diagnostic> compile = harness.CompileDiagnostics();
        Assert.True(compile.Count == 0, string.Join(Environment.NewLine, compile.Take(10)));
        return harness.GeneratorDiagnostics;
    }

    [Fact]
    public void Aliases_belong_to_their_value_and_are_not_members_even_when_listed_in_enum()
    {
        string yaml = Head + StatusSchema;

        SchemaSpec status = Read(yaml).Schemas.Single();

        Assert.Empty(Compiles(yaml));
        Assert.Equal("StatusKind", status.KindTypeName);
        Assert.Equal(
            ["new:", "opened:open", "on hold:on-hold,onhold", "closed:"],
            status.Members.Select(m => $"{m.Value}:{string.Join(",", m.Aliases)}"));
        Assert.Equal(["New", "Opened", "OnHold", "Closed"], status.Members.Select(m => m.Identifier));
    }

    [Fact]
    public void Aliases_are_part_of_the_model()
    {
        string yaml = Head + StatusSchema;

        Assert.Equal(Read(yaml), Read(yaml));
        Assert.NotEqual(Read(yaml), Read(yaml.Replace("[open]", "[opn]")));
    }

    [Theory]
    [InlineData("x-enum-aliases: [open]", 9, 23, null, // YamlDotNet gives a collection node an empty span
        "'x-enum-aliases' must be a mapping from values listed in 'enum' to lists of their other spellings")]
    [InlineData("x-enum-aliases: { archived: [old] }", 9, 25, "archived",
        "The 'x-enum-aliases' key 'archived' must be a value listed in 'enum'")]
    [InlineData("x-enum-aliases: { opened: [open], closed: [open] }", 9, 50, "open",
        "The alias 'open' of 'closed' must be a spelling used once ('open' already stands for 'opened')")]
    [InlineData("x-enum-aliases: { opened: [opened] }", 9, 34, "opened",
        "The alias 'opened' of 'opened' must be a spelling used once ('opened' is a value of its own)")]
    [InlineData("x-enum-aliases: { opened: [closed], closed: [shut] }", 9, 34, "closed",
        "The alias 'closed' of 'opened' must be a spelling used once ('closed' is a value of its own)")]
    [InlineData("x-enum-aliases: { opened: open }", 9, 33, "open",
        "The aliases of 'opened' must be a list of strings")]
    [InlineData("x-enum-aliases: { opened: [open, ~] }", 9, 40, "~",
        "An alias of 'opened' must be a string")]
    public void A_malformed_alias_map_is_HCG0010_at_the_node_and_the_rest_still_compiles(string extension, int line, int column, string? spanText, string message)
    {
        string yaml = Head + $"""
                Status:
                  type: string
                  enum: [new, opened, closed]
                  {extension}

            """;

        Diagnostic diagnostic = Assert.Single(Compiles(yaml));

        Assert.Equal(("HCG0010", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        FileLinePositionSpan position = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
        if (spanText is not null)
        {
            Assert.Equal(spanText, yaml.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        }
    }

    [Fact]
    public void The_companion_enum_gives_way_to_a_schema_of_that_name_with_a_warning()
    {
        string yaml = Head + """
                Status: { type: string, enum: [a, b] }
                StatusKind: { type: object, properties: { id: { type: integer } } }

            """;

        Diagnostic warning = Assert.Single(Compiles(yaml));

        Assert.Equal("StatusKind2", Read(yaml).Schemas.Single(s => s.TypeName == "Status").KindTypeName);
        Assert.Equal(("HCG0008", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(
            "the Kind enum of Status maps to the C# name 'StatusKind', which schema 'StatusKind' already uses; it is named 'StatusKind2'",
            warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Values_named_like_the_kind_enums_members_or_the_structs_own_are_renamed()
    {
        string yaml = Head + """
                Status: { type: string, enum: [unknown, kind, is known, value__] }

            """;

        Assert.Empty(Compiles(yaml));
        Assert.Equal(["UnknownValue", "KindValue", "IsKnownValue", "Value"], Read(yaml).Schemas.Single().Members.Select(m => m.Identifier));
    }

    [Fact]
    public void Types_named_like_their_own_members_compile()
    {
        string yaml = Head + """
                Kind: { type: string, enum: [kind, kind value, a] }
                IsKnown: { type: string, enum: [b] }
                Holder:
                  type: object
                  properties:
                    kind: { $ref: '#/components/schemas/Kind' }
                    known: { $ref: '#/components/schemas/IsKnown' }
                    element: { x-csharp-name: Element, oneOf: [ { type: string }, { type: integer } ] }

            """;

        IReadOnlyList<Diagnostic> diagnostics = Compiles(yaml);

        Assert.Equal(["HCG0008"], diagnostics.Select(d => d.Id)); // "kind" → Kind → KindValue, which is the Kind property here
        Assert.Equal(["KindValue2", "KindValueValue", "A"], Read(yaml).Schemas.Single(s => s.TypeName == "Kind").Members.Select(m => m.Identifier));
        Assert.Contains(Read(yaml).Schemas, s => s.TypeName == "Element" && s.Kind == SchemaKind.Union);
    }

    [Fact]
    public void A_oneOf_of_primitives_and_arrays_is_a_union_with_a_conversion_per_primitive()
    {
        string yaml = Head + """
                Filter:
                  type: object
                  properties:
                    value:
                      oneOf:
                        - { type: string }
                        - { type: integer }
                        - { type: number }
                        - { type: boolean }
                        - { type: integer, format: unix-time }
                        - { type: array, items: { type: object } }
                    maybe:
                      anyOf: [ { type: string }, { type: integer }, { type: 'null' } ]

            """;

        ApiSpec spec = Read(yaml);

        Assert.Empty(Compiles(yaml));
        SchemaSpec union = spec.Schemas.Single(s => s.TypeName == "FilterValue");
        Assert.Equal(SchemaKind.Union, union.Kind);
        Assert.Equal(UnionConversions.String | UnionConversions.Int64 | UnionConversions.Double | UnionConversions.Boolean | UnionConversions.UnixTime, union.Conversions);
        PropertySpec[] properties = spec.Schemas.Single(s => s.TypeName == "Filter").Properties.ToArray();
        Assert.Equal(new TypeSpec(TypeKind.Union, TypeName: "FilterValue"), properties[0].Type);
        Assert.Equal(new TypeSpec(TypeKind.Union, IsNullable: true, TypeName: "FilterMaybe"), properties[1].Type);
        Assert.Equal(UnionConversions.String | UnionConversions.Int64, spec.Schemas.Single(s => s.TypeName == "FilterMaybe").Conversions);
    }

    [Fact]
    public void A_union_component_is_one_type_named_after_it_wherever_it_is_used()
    {
        string yaml = """
            openapi: 3.1.0
            info: { title: Shapes, version: '1' }
            paths:
              /search:
                get:
                  operationId: search
                  parameters:
                    - { name: value, in: query, schema: { $ref: '#/components/schemas/Value' } }
                    - { name: values, in: query, schema: { type: array, items: { $ref: '#/components/schemas/Value' } } }
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/Result' } } }
            components:
              schemas:
                Value:
                  oneOf: [ { $ref: '#/components/schemas/Word' }, { type: number, format: unix-time }, { type: object } ]
                Word: { type: string, enum: [a, b] }
                Result:
                  type: object
                  required: [value]
                  properties:
                    value: { $ref: '#/components/schemas/Value' }
                    history: { type: array, items: { $ref: '#/components/schemas/Value' } }
                    byName: { type: object, additionalProperties: { $ref: '#/components/schemas/Value' } }
            """;

        ApiSpec spec = Read(yaml);

        Assert.Empty(Compiles(yaml));
        SchemaSpec union = Assert.Single(spec.Schemas, s => s.Kind == SchemaKind.Union);
        Assert.Equal(("Value", UnionConversions.String | UnionConversions.UnixTime), (union.TypeName, union.Conversions));
    }

    [Theory]
    [InlineData("[ { $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' } ]")]
    [InlineData("[ { type: string }, { $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' } ]")]
    [InlineData("[ { type: string }, { oneOf: [ { type: integer }, { type: boolean } ] } ]")]
    [InlineData("[ { type: array }, { type: object } ]")]
    public void Objects_in_polymorphism_or_nested_choices_stay_json_element_with_HCG0007(string alternatives)
    {
        string yaml = Head + $$"""
                A: { type: object, properties: { a: { type: integer } } }
                B: { type: object, properties: { b: { type: integer } } }
                Holder:
                  type: object
                  properties:
                    value: { oneOf: {{alternatives}} }

            """;

        Diagnostic diagnostic = Assert.Single(Compiles(yaml));

        Assert.Equal("HCG0007", diagnostic.Id);
        Assert.DoesNotContain(Read(yaml).Schemas, s => s.Kind == SchemaKind.Union);
        Assert.Equal(TypeKind.Any, Read(yaml).Schemas.Single(s => s.TypeName == "Holder").Properties.Single().Type.Kind);
    }
}
