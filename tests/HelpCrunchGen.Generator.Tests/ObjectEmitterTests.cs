using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;
using Microsoft.CodeAnalysis;
using TypeKind = HelpCrunchGen.Generator.Model.TypeKind;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Object records and their JSON code: one-or-many, x-map-entries, names that never collide, readable output.</summary>
public sealed class ObjectEmitterTests
{
    private const string Head = """
        openapi: 3.1.0
        info: { title: T, version: '1' }
        paths: {}
        components:
          schemas:

        """;

    private static ApiSpec Read(string schemas, int diagnostics = 0)
    {
        SpecResult result = SpecReader.Read(new SpecSource("/s.yaml", Head + schemas, new SpecFileOptions(null, null, false)), CancellationToken.None);
        Assert.Equal(diagnostics, result.Diagnostics.Count);
        return result.Spec!;
    }

    private static TypeSpec Type(ApiSpec spec, string property) =>
        spec.Schemas.Single(s => s.TypeName == "Box").Properties.Single(p => p.JsonName == property).Type;

    [Fact]
    public void A_oneOf_of_T_and_array_of_T_in_either_order_is_a_list_that_accepts_one_item()
    {
        ApiSpec spec = Read("""
                Item: { type: object, properties: { id: { type: integer } } }
                Box:
                  type: object
                  properties:
                    many: { oneOf: [ { type: array, items: { $ref: '#/components/schemas/Item' } }, { $ref: '#/components/schemas/Item' } ] }
                    flipped: { anyOf: [ { $ref: '#/components/schemas/Item' }, { type: array, items: { $ref: '#/components/schemas/Item' } }, { type: 'null' } ] }
                    words: { oneOf: [ { type: string }, { type: array, items: { type: string } } ] }
            """);

        TypeSpec many = Type(spec, "many");
        TypeSpec flipped = Type(spec, "flipped");
        Assert.Equal((TypeKind.Array, true, false, "Item"), (many.Kind, many.AcceptsSingle, many.IsNullable, many.Element!.TypeName));
        Assert.Equal((TypeKind.Array, true, true, "Item"), (flipped.Kind, flipped.AcceptsSingle, flipped.IsNullable, flipped.Element!.TypeName));
        Assert.Equal((TypeKind.Array, true, TypeKind.String), (Type(spec, "words").Kind, Type(spec, "words").AcceptsSingle, Type(spec, "words").Element!.Kind));
    }

    [Fact]
    public void Two_alternatives_that_are_not_T_and_array_of_T_are_still_unsupported()
    {
        ApiSpec spec = Read("""
                Item: { type: object, properties: { id: { type: integer } } }
                Other: { type: object, properties: { id: { type: integer } } }
                Box:
                  type: object
                  properties:
                    mixed: { oneOf: [ { type: array, items: { $ref: '#/components/schemas/Other' } }, { $ref: '#/components/schemas/Item' } ] }
            """, diagnostics: 1);

        Assert.Equal(TypeKind.Any, Type(spec, "mixed").Kind);
        Assert.DoesNotContain(spec.Schemas, s => s.TypeName.StartsWith("BoxMixed", StringComparison.Ordinal));
    }

    [Fact]
    public void X_map_entries_on_a_map_names_the_entry_properties()
    {
        ApiSpec spec = Read("""
                Box:
                  type: object
                  properties:
                    customData: { type: object, additionalProperties: {}, x-map-entries: { key: property, value: value } }
            """);

        TypeSpec map = Type(spec, "customData");
        Assert.Equal((TypeKind.Map, new MapEntries("property", "value")), (map.Kind, map.Entries));
    }

    [Theory]
    [InlineData("{ type: string, x-map-entries: { key: k, value: v } }", 9, 50, "'x-map-entries' must be on a map (type: object with additionalProperties)")]
    [InlineData("{ type: object, additionalProperties: {}, x-map-entries: [k, v] }", 9, 76, "'x-map-entries' must be a mapping with two different property names, 'key' and 'value'")]
    [InlineData("{ type: object, additionalProperties: {}, x-map-entries: { key: k } }", 9, 76, "'x-map-entries' must be a mapping with two different property names, 'key' and 'value'")]
    [InlineData("{ type: object, additionalProperties: {}, x-map-entries: { key: 1, value: v } }", 9, 76, "'x-map-entries' must be a mapping with two different property names, 'key' and 'value'")]
    [InlineData("{ type: object, additionalProperties: {}, x-map-entries: { key: v, value: v } }", 9, 76, "'x-map-entries' must be a mapping with two different property names, 'key' and 'value'")]
    public void HCG0010_an_invalid_x_map_entries_is_reported_at_the_extension(string schema, int line, int column, string message)
    {
        string yaml = Head + "        Box:\n          type: object\n          properties:\n            data: " + schema + "\n";
        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal("HCG0010", diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        FileLinePositionSpan position = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
        Assert.Empty(harness.CompileDiagnostics());
    }

    [Fact]
    public void Properties_named_like_the_emitters_own_names_compile_with_zero_warnings()
    {
        string yaml = Head + """
                Box:
                  type: object
                  required: [reader, writer]
                  properties:
                    reader: { type: string }
                    writer: { type: string }
                    value: { type: [string, 'null'] }
                    property: { type: integer }
                    ex: { type: integer }
                    hasValue: { type: boolean }
                    ReadJson: { type: string }
                    WriteJson: { type: string }
                    2fa: { type: string }
                    s_valueName: { type: string }
                    class: { type: string }
                    Box: { type: string }
                    nested: { type: array, items: { type: object, additionalProperties: { type: array, items: { type: [integer, 'null'] } } } }
                    maybe: { oneOf: [ { $ref: '#/components/schemas/Box' }, { type: array, items: { $ref: '#/components/schemas/Box' } } ] }
            """;
        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();

        Assert.Empty(harness.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(harness.CompileDiagnostics().Select(d => d.GetMessage()));
    }

    [Fact]
    public void The_emitted_object_code_has_one_statement_per_line_no_field_like_locals_no_copied_helpers_and_internal_converters()
    {
        string yaml = Head + """
                Box:
                  type: object
                  required: [id]
                  properties:
                    id: { type: integer }
                    tags: { type: array, items: { type: string } }
                    counts: { type: object, additionalProperties: { type: integer } }
                    owner: { $ref: '#/components/schemas/Box' }
            """;
        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();
        string code = harness.GeneratedFiles.Single(f => f.Key.EndsWith(".Box.g.cs", StringComparison.Ordinal)).Value;

        Assert.DoesNotContain("); writer.", code);
        Assert.DoesNotContain("private static __Sys::Collections.Generic.IReadOnlyList", code);
        Assert.DoesNotMatch(@"\n[ \t]+[^/\s][^\n]*\b(_has[A-Z]\w*|_[A-Z]\w*|__\w+)\s*=", code);
        Assert.Contains("internal sealed class BoxJsonConverter", code);
        Assert.Contains("__Rt::JsonRead.List(ref reader, __Rt::JsonRead.String)", code);
        Assert.Contains("Only the properties that are set are sent", code);
        Assert.Empty(harness.CompileDiagnostics());
    }
}
