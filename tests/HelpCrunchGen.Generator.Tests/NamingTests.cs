using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;
using Microsoft.CodeAnalysis;
using TypeKind = HelpCrunchGen.Generator.Model.TypeKind;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// Spec names never collide with each other or with names the emitter declares: every spec below is valid
/// OpenAPI, so it must compile with zero errors and zero warnings, with at most HCG warnings explaining renames.
/// </summary>
public sealed class NamingTests
{
    private const string Head = """
        openapi: 3.0.3
        info: { title: Names, version: '1' }
        servers: [ { url: 'https://api.example.com/v1' } ]

        """;

    /// <summary>Generates, asserts no HCG error and a clean compilation, and returns the harness.</summary>
    private static GeneratorHarness Compiles(string yaml)
    {
        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();

        Assert.All(harness.LastRun!.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(harness.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        IReadOnlyList<Diagnostic> compile = harness.CompileDiagnostics();
        Assert.True(compile.Count == 0, string.Join(Environment.NewLine, compile.Take(10)));
        return harness;
    }

    private static ApiSpec Read(string yaml) =>
        SpecReader.Read(new SpecSource("/s.yaml", yaml, new SpecFileOptions(null, null, false)), CancellationToken.None).Spec!;

    private static IMethodSymbol Method(GeneratorHarness harness, string name) =>
        harness.Output!.GetTypeByMetadataName("Test.Api.NamesClient")!.GetMembers(name).OfType<IMethodSymbol>().Single();

    [Fact]
    public void Parameters_named_like_the_methods_own_locals_and_parameters_keep_their_names()
    {
        string yaml = Head + """
            paths:
              /things/{uri}:
                put:
                  operationId: putThing
                  parameters:
                    - { name: uri, in: path, required: true, schema: { type: string } }
                    - { name: query, in: query, required: true, schema: { type: string } }
                    - { name: request, in: query, schema: { type: integer } }
                    - { name: item, in: query, schema: { type: array, items: { type: string } } }
                    - { name: body, in: query, schema: { type: boolean } }
                    - { name: cancellationToken, in: header, schema: { type: string } }
                    - { name: client, in: query, schema: { type: string } }
                    - { name: options, in: query, schema: { type: string } }
                    - { name: class, in: query, schema: { type: string } }
                    - { name: await, in: query, schema: { type: string } }
                    - { name: nameof, in: query, schema: { type: string } }
                  requestBody:
                    required: true
                    content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } }
                  responses: { '204': { description: done } }
            """;

        GeneratorHarness harness = Compiles(yaml);

        IMethodSymbol method = Method(harness, "PutThingAsync");
        Assert.Equal(
            ["uri", "query", "body2", "request", "item", "body", "cancellationToken", "client", "options", "class", "await", "nameof", "cancellationToken2"],
            method.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Models_named_like_runtime_and_system_types_compile()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ApiException' } } } }
            components:
              schemas:
                ApiException: { type: object, properties: { task: { $ref: '#/components/schemas/Task' } } }
                ApiConnection: { type: object, properties: { a: { type: string } } }
                JsonRead: { type: object, properties: { a: { type: string } } }
                ApiClientOptions: { type: object, properties: { a: { type: string } } }
                String: { type: object, properties: { value: { type: string } } }
                Task: { type: object, properties: { id: { type: string, format: uuid } } }
                Guid: { type: string, enum: [a, b] }
                System: { type: object, properties: { guid: { $ref: '#/components/schemas/Guid' } } }
                Object: { type: object, properties: { system: { $ref: '#/components/schemas/System' } } }
                Pet:
                  type: object
                  properties:
                    tags: { type: array, items: { $ref: '#/components/schemas/String' } }
                    urls: { type: array, items: { type: string } }
            """;

        Compiles(yaml);
    }

    [Fact]
    public void Schemas_named_like_the_client_its_companions_and_converters_are_renamed_with_a_warning()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '404': { description: no, x-error-codes: [not_found] }
            components:
              schemas:
                NamesClient: { type: object, properties: { a: { type: string } } }
                INamesClient: { type: object, properties: { a: { type: string } } }
                NamesJsonContext: { type: object, properties: { a: { type: string } } }
                NamesErrorCodes: { type: object, properties: { a: { type: string } } }
                Chat: { type: object, properties: { a: { type: string } } }
                ChatJsonConverter: { type: object, properties: { a: { type: string } } }
                Options: { type: object, properties: { a: { type: string } } }
                Default: { type: object, properties: { a: { type: string } } }
            """;

        GeneratorHarness harness = Compiles(yaml);

        Assert.Equal(
            ["NamesClient2", "INamesClient2", "NamesJsonContext2", "NamesErrorCodes", "Chat", "ChatJsonConverter2", "Options", "Default"],
            Read(yaml).Schemas.Select(s => s.TypeName));
        // Four schemas yield to the client's own types; the error-codes class yields to the schema NamesErrorCodes.
        Assert.Equal(5, harness.GeneratorDiagnostics.Count(d => d.Id == "HCG0008" && d.Severity == DiagnosticSeverity.Warning));
        Assert.NotNull(harness.Output!.GetTypeByMetadataName("Test.Api.NamesErrorCodes2"));
    }

    [Fact]
    public void Properties_named_like_record_members_or_the_type_get_a_value_suffix()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Error:
                  type: object
                  properties:
                    error: { type: string }
                    ToString: { type: string }
                    equals: { type: integer }
                    EqualityContract: { type: boolean }
                    GetHashCode: { type: string }
                    deconstruct: { type: string }
            """;

        Compiles(yaml);

        Assert.Equal(
            ["ErrorValue", "ToStringValue", "EqualsValue", "EqualityContractValue", "GetHashCodeValue", "DeconstructValue"],
            Read(yaml).Schemas.Single().Properties.Select(p => p.Identifier));
    }

    [Fact]
    public void Spec_names_that_map_to_one_identifier_are_numbered_in_order_with_a_warning_at_the_second()
    {
        string yaml = Head + """
            paths:
              /events:
                get:
                  operationId: listEvents
                  parameters:
                    - { name: StartTime, in: query, schema: { type: integer } }
                    - { name: 'StartTime<', in: query, schema: { type: integer } }
                    - { name: 'StartTime>', in: query, schema: { type: integer } }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } } }
                    '201': { description: created, content: { application/json: { schema: { type: object, properties: { b: { type: string } } } } } }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    user_id: { type: string }
                    userId: { type: string }
                    owner: { type: object, properties: { a: { type: string } } }
                ThingOwner: { type: object, properties: { b: { type: string } } }
                addSource: { type: object, properties: { a: { type: string } } }
                AddSource: { type: object, properties: { b: { type: string } } }
            """;

        GeneratorHarness harness = Compiles(yaml);
        ApiSpec spec = Read(yaml);

        Assert.Equal(["startTime", "startTime2", "startTime3"], spec.Operations.Single().Parameters.Select(p => p.Identifier));
        Assert.Equal(["UserId", "UserId2", "Owner"], spec.Schemas.Single(s => s.TypeName == "Thing").Properties.Select(p => p.Identifier));
        Assert.Equal(["ListEventsResponse", "ListEventsResponse201"], spec.Operations.Single().Responses.Select(r => r.Body!.TypeName));
        // Components are named before inline schemas: the inline Thing.owner yields to the component ThingOwner.
        Assert.Contains(spec.Schemas, s => s.TypeName == "ThingOwner2" && s.Properties.Single().JsonName == "a");
        Assert.Contains(spec.Schemas, s => s.TypeName == "AddSource2" && s.Properties.Single().JsonName == "b");
        Diagnostic warning = harness.GeneratorDiagnostics.First(d => d.Id == "HCG0008" && d.GetMessage().StartsWith("parameter", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(5, harness.GeneratorDiagnostics.Count(d => d.Id == "HCG0008")); // userId, the inline owner, AddSource, two parameters
        Assert.Equal("parameter 'StartTime<' maps to the C# name 'startTime', which parameter 'StartTime' already uses; it is named 'startTime2'", warning.GetMessage());
    }

    [Fact]
    public void Enum_values_made_of_symbols_are_spelled_out()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Operator: { type: string, enum: ['=', '!=', '<', '>', '<=', '>=', '~', '!~', IsKnown, operator] }
            """;

        Compiles(yaml);

        Assert.Equal(
            ["Equal", "NotEqual", "Less", "Greater", "LessEqual", "GreaterEqual", "Tilde", "NotTilde", "IsKnownValue", "OperatorValue"],
            Read(yaml).Schemas.Single().Members.Select(m => m.Identifier));
    }

    [Fact]
    public void X_csharp_name_and_x_enum_varnames_let_the_spec_choose()
    {
        string yaml = Head + """
            paths:
              /events:
                get:
                  operationId: listEvents
                  x-csharp-name: FetchEvents
                  parameters:
                    - { name: 'StartTime<', in: query, x-csharp-name: startBefore, schema: { type: integer } }
                  responses: { '204': { description: ok } }
            components:
              schemas:
                thing_v2:
                  x-csharp-name: Thing
                  type: object
                  properties:
                    user_id: { type: string, x-csharp-name: Owner }
                Op: { type: string, enum: ['=', '!='], x-enum-varnames: [Is, IsNot] }
            """;

        GeneratorHarness harness = Compiles(yaml);
        ApiSpec spec = Read(yaml);

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.Equal(("FetchEvents", "startBefore"), (spec.Operations.Single().MethodName, spec.Operations.Single().Parameters.Single().Identifier));
        Assert.Equal("Owner", spec.Schemas.Single(s => s.TypeName == "Thing").Properties.Single().Identifier);
        Assert.Equal(["Is", "IsNot"], spec.Schemas.Single(s => s.TypeName == "Op").Members.Select(m => m.Identifier));
    }

    [Fact]
    public void References_into_nested_schemas_are_named_after_what_they_point_into()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200': { $ref: '#/components/responses/Pet' }
              /b:
                get:
                  operationId: getB
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/responses/Pet/content/application~1json/schema' } } }
              /c:
                get:
                  operationId: getC
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/responses/Owner/content/application~1json/schema' } } }
            components:
              responses:
                Pet:
                  description: a pet
                  content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } }
                Owner:
                  description: an owner
                  content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } }
            """;

        Compiles(yaml);

        Assert.Equal(["GetAResponse", "Owner"], Read(yaml).Schemas.Select(s => s.TypeName));
    }

    [Fact]
    public void An_operation_without_operation_id_is_named_from_its_route_with_a_warning()
    {
        string yaml = Head + """
            paths:
              /pets/{petId}/photos:
                get:
                  parameters: [ { name: petId, in: path, required: true, schema: { type: integer } } ]
                  responses: { '204': { description: ok } }
              /:
                post:
                  responses: { '204': { description: ok } }
            """;

        GeneratorHarness harness = Compiles(yaml);

        Assert.NotNull(Method(harness, "GetPetsByPetIdPhotosAsync"));
        Assert.NotNull(Method(harness, "PostRootAsync"));
        Diagnostic warning = harness.GeneratorDiagnostics.First();
        Assert.Equal(("HCG0003", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal("Operation GET /pets/{petId}/photos has no operationId; its method is named GetPetsByPetIdPhotosAsync (add an operationId to choose the name)", warning.GetMessage());
    }

    [Theory]
    [InlineData("{ type: object }")]
    [InlineData("{ type: string, enum: [a, b] }")]
    [InlineData("{ type: integer }")]
    [InlineData("{ type: number, format: decimal }")]
    [InlineData("{ type: string, format: date-time }")]
    [InlineData("{ type: array, items: { type: string, enum: [x, y] } }")]
    [InlineData("{ $ref: '#/components/schemas/Mood' }")]
    [InlineData("{ type: [] }")]
    [InlineData("{ type: [integer, 'null'] }")]
    public void Optional_request_bodies_of_any_type_compile(string schema)
    {
        string yaml = Head + $$"""
            paths:
              /a:
                post:
                  operationId: postA
                  requestBody: { content: { application/json: { schema: {{schema}} } } }
                  responses: { '204': { description: ok } }
            components:
              schemas:
                Mood: { type: string, enum: [happy, sad] }
            """;

        Compiles(yaml);
    }

    [Fact]
    public void Arrays_of_enums_numbers_and_dates_in_path_query_and_header_compile()
    {
        string yaml = Head + """
            paths:
              /a/{moods}/{ids}:
                get:
                  operationId: getA
                  parameters:
                    - { name: moods, in: path, required: true, schema: { type: array, items: { $ref: '#/components/schemas/Mood' } } }
                    - { name: ids, in: path, required: true, schema: { type: array, items: { type: number } } }
                    - { name: filter, in: query, schema: { type: array, items: { $ref: '#/components/schemas/Mood' } } }
                    - { name: at, in: query, schema: { type: array, items: { type: string, format: date-time, nullable: true } } }
                    - { name: X-Moods, in: header, schema: { type: array, items: { $ref: '#/components/schemas/Mood' } } }
                    - { name: X-Flags, in: header, required: true, schema: { type: array, items: { type: boolean } } }
                    - { name: where, in: query, schema: { $ref: '#/components/schemas/Where' } }
                  responses: { '204': { description: ok } }
            components:
              schemas:
                Mood: { type: string, enum: [happy, sad] }
                Where: { type: object, properties: { a: { type: string } } }
            """;

        GeneratorHarness harness = Compiles(yaml);

        string client = harness.GeneratedFiles["api.NamesClient.g.cs"];
        Assert.DoesNotContain("?.ToString()", client);
        Assert.Contains("JsonWrite.ToJsonText(@where", client); // a contextual keyword is escaped too
    }

    [Fact]
    public void An_untyped_numeric_enum_is_one_type_whether_a_component_or_inline()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Level: { enum: [1, 2, 3] }
                Ratio: { enum: [0.5, 1.5e3] }
                Flag: { enum: [true, false] }
                Word: { enum: [1, two] }
                Holder:
                  type: object
                  properties:
                    level: { $ref: '#/components/schemas/Level' }
                    inlineLevel: { enum: [1, 2, 3] }
                    ratio: { $ref: '#/components/schemas/Ratio' }
                    flag: { $ref: '#/components/schemas/Flag' }
                    word: { $ref: '#/components/schemas/Word' }
                    inlineWord: { enum: ['1', '2'] }
            """;

        Compiles(yaml);
        ApiSpec spec = Read(yaml);

        Assert.Equal(
            [TypeKind.Int64, TypeKind.Int64, TypeKind.Double, TypeKind.Boolean, TypeKind.Enum, TypeKind.Enum],
            spec.Schemas.Single(s => s.TypeName == "Holder").Properties.Select(p => p.Type.Kind));
        Assert.Equal(["Word", "HolderInlineWord", "Holder"], spec.Schemas.Select(s => s.TypeName));
    }

    [Fact]
    public void Two_specs_with_one_file_name_in_two_folders_are_two_clients()
    {
        string Spec(string title) => $"openapi: 3.0.3\ninfo: {{ title: {title}, version: '1' }}\npaths: {{}}\ncomponents:\n  schemas:\n    Chat: {{ type: object, properties: {{ a: {{ type: string }} }} }}\n";
        var harness = new GeneratorHarness(projectDirectory: "/project/");
        harness.AddSpec("/project/spec/a/api.yaml", Spec("Alpha"), new Dictionary<string, string> { ["HelpCrunchGenNamespace"] = "Alpha" });
        harness.AddSpec("/project/spec/b/api.yaml", Spec("Beta"), new Dictionary<string, string> { ["HelpCrunchGenNamespace"] = "Beta" });

        harness.Run();

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.Empty(harness.CompileDiagnostics());
        Assert.Contains("spec.a.api.Chat.g.cs", harness.GeneratedFiles.Keys);
        Assert.Contains("spec.b.api.Chat.g.cs", harness.GeneratedFiles.Keys);
        Assert.NotNull(harness.Output!.GetTypeByMetadataName("Alpha.AlphaClient"));
        Assert.NotNull(harness.Output!.GetTypeByMetadataName("Beta.BetaClient"));
    }
}
