using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>One test per descriptor: id, severity, exact position in the YAML, and nothing else reported.</summary>
public sealed class DiagnosticTests
{
    private const string Head = """
        openapi: 3.1.0
        info:
          title: Test
          version: 1.0.0

        """;

    /// <summary>Runs the generator and returns its only diagnostic, checking where it points and what it says.</summary>
    private static Diagnostic Single(string yaml, string id, int line, int column, string message, string? spanText = null, IReadOnlyDictionary<string, string>? metadata = null, Microsoft.CodeAnalysis.CSharp.LanguageVersion? languageVersion = null)
    {
        var harness = languageVersion is { } version ? new GeneratorHarness(languageVersion: version) : new GeneratorHarness();
        harness.AddSpec(GeneratorHarness.SpecPath, yaml, metadata);
        harness.Run();

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HelpCrunchGen.Generator.Diagnostics.Descriptors.ById(id).DefaultSeverity, diagnostic.Severity);
        FileLinePositionSpan position = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SpecPath, position.Path);
        Assert.Equal((line, column), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
        if (spanText is not null)
        {
            Assert.Equal(spanText, yaml.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        }

        return diagnostic;
    }

    [Fact]
    public void HCG0001_yaml_syntax_error_points_at_the_bad_token()
    {
        string yaml = Head + "paths:\n  /a: [unclosed\n";

        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal(("HCG0001", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.StartsWith("The spec is not valid YAML: ", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(GeneratorHarness.SpecPath, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void HCG0002_swagger_2_is_reported_at_its_version_key()
    {
        string yaml = "swagger: '2.0'\ninfo:\n  title: Old\npaths: {}\n";

        Single(yaml, "HCG0002", line: 1, column: 1, spanText: "swagger",
            message: "The file is not an OpenAPI 3.x document: Swagger 2.0 documents are not supported; convert the document to OpenAPI 3.x");
    }

    [Fact]
    public void HCG0002_an_unsupported_openapi_version_is_reported_at_the_version()
    {
        Single("openapi: 4.0.0\ninfo: { title: T, version: '1' }\npaths: {}\n", "HCG0002", line: 1, column: 10, spanText: "4.0.0",
            message: "The file is not an OpenAPI 3.x document: OpenAPI version '4.0.0' is not supported; use 3.0 or 3.1");
    }

    [Fact]
    public void HCG0002_a_file_marked_as_a_spec_without_openapi_is_reported()
    {
        Single("title: not a spec\n", "HCG0002", line: 1, column: 1, message: "The file is not an OpenAPI 3.x document: it has no 'openapi' version field", metadata: new Dictionary<string, string> { ["HelpCrunchGenSpec"] = "true" });
    }

    [Fact]
    public void HCG0003_missing_operation_id_is_a_warning_at_the_method_naming_the_derived_method()
    {
        string yaml = Head + "paths:\n  /chats:\n    get:\n      responses: { '200': { description: ok } }\n";

        Single(yaml, "HCG0003", line: 7, column: 5, spanText: "get",
            message: "Operation GET /chats has no operationId; its method is named GetChatsAsync (add an operationId to choose the name)");
    }

    [Fact]
    public void HCG0004_duplicate_operation_id_points_at_the_second_one()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: listThings
                  responses: { '200': { description: ok } }
              /b:
                get:
                  operationId: listThings
                  responses: { '200': { description: ok } }
            """;

        Single(yaml, "HCG0004", line: 12, column: 20, spanText: "listThings",
            message: "operationId 'listThings' is already used by another operation; this one is skipped");
    }

    [Fact]
    public void HCG0005_unresolved_ref_points_at_the_reference()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  properties:
                    agent: { $ref: '#/components/schemas/Missing' }
            """;

        Single(yaml, "HCG0005", line: 11, column: 24, spanText: "'#/components/schemas/Missing'",
            message: "Cannot resolve $ref '#/components/schemas/Missing'; the value is typed as JsonElement");
    }

    [Fact]
    public void HCG0006_unknown_type_points_at_the_type()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  properties:
                    id: { type: integr }
            """;

        Single(yaml, "HCG0006", line: 11, column: 21, spanText: "integr", message: "Unknown type 'integr'; the value is read as a JsonElement");
    }

    [Fact]
    public void HCG0006_unknown_format_points_at_the_format()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  properties:
                    id: { type: integer, format: int128 }
            """;

        Single(yaml, "HCG0006", line: 11, column: 38, spanText: "int128", message: "Unknown format 'int128' for type 'integer'; the value is read as a 64-bit integer");
    }

    [Fact]
    public void HCG0007_one_of_objects_is_a_warning_at_its_key_and_falls_back_to_json_element()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  properties:
                    owner:
                      oneOf:
                        - { type: object, properties: { id: { type: integer } } }
                        - { type: object, properties: { name: { type: string } } }
            """;

        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal(("HCG0007", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // 0-based: the oneOf key
        Assert.Equal("'oneOf' with 2 alternatives is not supported; the value is typed as JsonElement", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("__Json::JsonElement? Owner", harness.GeneratedFiles["api.Chat.g.cs"]);
        Assert.Empty(harness.CompileDiagnostics());
    }

    [Fact]
    public void HCG0007_external_ref_is_unsupported()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  properties:
                    agent: { $ref: 'other.yaml#/Agent' }
            """;

        Single(yaml, "HCG0007", line: 11, column: 24, spanText: "'other.yaml#/Agent'",
            message: "The external reference 'other.yaml#/Agent' is not supported; the value is typed as JsonElement");
    }

    [Fact]
    public void HCG0008_two_names_mapping_to_one_identifier_rename_the_second_with_a_warning()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  properties:
                    user_id: { type: string }
                    userId: { type: string }
            """;

        Single(yaml, "HCG0008", line: 12, column: 9, spanText: "userId",
            message: "property 'userId' of Chat maps to the C# name 'UserId', which property 'user_id' of Chat already uses; it is named 'UserId2'");
    }

    [Fact]
    public void HCG0008_enum_values_mapping_to_one_identifier_are_reported()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Status:
                  type: string
                  enum: [on hold, on-hold]
            """;

        Single(yaml, "HCG0008", line: 10, column: 23, spanText: "on-hold",
            message: "enum value 'on-hold' maps to the C# name 'OnHold', which enum value 'on hold' already uses; it is named 'OnHold2'");
    }

    [Fact]
    public void HCG0008_error_codes_mapping_to_one_constant_are_reported()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '404': { description: no, x-error-codes: [not_found, not-found] }
            """;

        Single(yaml, "HCG0008", line: 10, column: 62, spanText: "not-found",
            message: "error code 'not-found' maps to the C# name 'NotFound', which error code 'not_found' already uses; it is named 'NotFound2'");
    }

    [Fact]
    public void HCG0009_invalid_namespace_metadata_is_reported_on_the_file()
    {
        Single(
            Head + "paths: {}\n",
            "HCG0009",
            line: 1,
            column: 1,
            message: "Metadata HelpCrunchGenNamespace = 'My Api.class' is not a valid C# namespace",
            metadata: new Dictionary<string, string> { ["HelpCrunchGenNamespace"] = "My Api.class" });
    }

    [Fact]
    public void HCG0009_invalid_client_name_metadata_is_reported_on_the_file()
    {
        Single(Head + "paths: {}\n", "HCG0009", line: 1, column: 1, message: "Metadata HelpCrunchGenClientName = '2fast' is not a valid C# type name",
            metadata: new Dictionary<string, string> { ["HelpCrunchGenClientName"] = "2fast" });
    }

    [Fact]
    public void HCG0010_properties_that_are_not_a_mapping_are_reported()
    {
        string yaml = Head + """
            paths: {}
            components:
              schemas:
                Chat:
                  type: object
                  properties: [id, name]
            """;

        Single(yaml, "HCG0010", line: 10, column: 19, message: "'properties' must be a mapping");
    }

    [Fact]
    public void HCG0010_a_header_name_that_is_not_an_http_token_is_reported_and_the_parameter_skipped()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: getA
                  parameters: [ { name: "X-Trace Id", in: header, schema: { type: string } } ]
                  responses: { '204': { description: ok } }
            """;

        Single(yaml, "HCG0010", line: 9, column: 29, spanText: "\"X-Trace Id\"",
            message: "Header parameter name 'X-Trace Id' must be an HTTP token (letters, digits and !#$%&'*+-.^_`|~)");
    }

    [Fact]
    public void HCG0010_a_response_key_that_is_not_a_status_is_reported()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses: { '204': { description: ok }, 'ok}': { description: no }, x-note: { a: b } }
            """;

        Single(yaml, "HCG0010", line: 9, column: 48, spanText: "'ok}'",
            message: "Response key 'ok}' must be 'default', a status code or a range such as 2XX");
    }

    [Fact]
    public void HCG0010_an_x_csharp_name_that_is_not_an_identifier_is_reported_at_its_value()
    {
        string yaml = Head + "paths: {}\ncomponents:\n  schemas:\n    A: { type: object, x-csharp-name: 'not valid', properties: { a: { type: string } } }\n";

        Single(yaml, "HCG0010", line: 8, column: 39, spanText: "'not valid'", message: "'x-csharp-name' must be a C# identifier that is not a keyword");
    }

    [Fact]
    public void HCG0011_old_language_version_is_reported()
    {
        Single(Head + "paths: {}\n", "HCG0011", line: 1, column: 1, languageVersion: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10,
            message: "The generated client needs C# 11 or later (the project uses C# 10); set <LangVersion>11</LangVersion> or newer");
    }

    [Fact]
    public void HCG0013_a_form_body_skips_the_operation_with_a_warning_at_its_content_type()
    {
        string yaml = Head + """
            paths:
              /a:
                post:
                  operationId: postForm
                  requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object } } } }
                  responses: { '204': { description: ok } }
            """;

        Single(yaml, "HCG0013", line: 9, column: 33, spanText: "application/x-www-form-urlencoded",
            message: "The request body content type 'application/x-www-form-urlencoded' is not supported; the operation 'postForm' is skipped");
    }

    [Fact]
    public void HCG0013_a_cookie_parameter_is_skipped_with_a_warning_at_its_location()
    {
        string yaml = Head + """
            paths:
              /a:
                get:
                  operationId: getA
                  parameters: [ { name: session, in: cookie, schema: { type: string } } ]
                  responses: { '204': { description: ok } }
            """;

        Single(yaml, "HCG0013", line: 9, column: 42, spanText: "cookie",
            message: "The parameter location 'cookie' is not supported; the parameter 'session' is skipped");
    }

    [Fact]
    public void HCG0014_success_responses_with_different_bodies_warn_at_the_later_one_and_the_first_wins()
    {
        string yaml = Head + """
            paths:
              /a:
                post:
                  operationId: postA
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: string } } } }
                    '201': { description: created, content: { application/json: { schema: { type: integer } } } }
            """;

        Single(yaml, "HCG0014", line: 11, column: 9, spanText: "'201'",
            message: "Success response 201 of operation 'postA' has another body than response 200; the method returns the body of 200");
    }

    private const string PagedPath = """
        paths:
          /items:
            post:
              operationId: listItems
              parameters:
                - { name: offset, in: query, schema: { type: integer } }
                - { name: limit, in: query, schema: { type: integer } }
                - { name: q, in: query, schema: { type: string } }
              requestBody:
                content: { application/json: { schema: { type: object, properties: { skip: { type: integer } } } } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: { type: array, items: { type: string } }
                          meta: { type: object, properties: { total: { type: integer }, label: { type: string } } }

        """;

    [Theory]
    [InlineData("{ offset: start, limit: limit, items: data }", "start", "'x-paging' offset 'start' must be a query parameter of the operation or a property of its object request body")]
    [InlineData("{ offset: q, limit: limit, items: data }", "q", "'x-paging' offset 'q' must be an integer (int32 or int64)")]
    [InlineData("{ offset: offset, limit: limit, items: meta }", "meta", "'x-paging' items 'meta' must be the path of an array in the response body")]
    [InlineData("{ offset: offset, limit: limit, items: data.size }", "data.size", "'x-paging' items 'data.size' must be a path of properties in the response body ('size' is not one)")]
    [InlineData("{ offset: offset, limit: limit, items: data, total: meta.label }", "meta.label", "'x-paging' total 'meta.label' must be the path of an integer in the response body")]
    [InlineData("{ offset: offset, limit: limit, maxLimit: 0, items: data }", "0", "'x-paging' maxLimit must be a positive integer")]
    [InlineData("{ offset: skip, limit: limit, items: data }", "limit", "'x-paging' limit must be in the same place as the offset (both query parameters or both body properties)")]
    public void HCG0010_paging_that_does_not_fit_the_operation_is_reported_at_the_node(string paging, string spanText, string message)
    {
        string yaml = Head + PagedPath.Replace("      responses:", $"      x-paging: {paging}\n      responses:");

        string[] lines = yaml.Split('\n');
        int row = Array.FindIndex(lines, l => l.Contains("x-paging:", StringComparison.Ordinal));
        int column = lines[row].IndexOf(": " + spanText, lines[row].IndexOf("x-paging:", StringComparison.Ordinal) + 9, StringComparison.Ordinal) + 2;

        Diagnostic diagnostic = Single(yaml, "HCG0010", line: row + 1, column: column + 1, message: message, spanText: spanText);

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Every_descriptor_is_tracked_in_the_release_files()
    {
        string releases = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "generator", "HelpCrunchGen.Generator", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "generator", "HelpCrunchGen.Generator", "AnalyzerReleases.Shipped.md"));

        foreach (DiagnosticDescriptor descriptor in HelpCrunchGen.Generator.Diagnostics.Descriptors.All)
        {
            Assert.Contains(descriptor.Id + " |", releases);
        }
    }
}
