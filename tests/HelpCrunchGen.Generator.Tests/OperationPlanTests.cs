using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;
using TypeKind = HelpCrunchGen.Generator.Model.TypeKind;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Operation plans are decided while reading: success statuses, result kinds, tags, paging, docs.</summary>
public sealed class OperationPlanTests
{
    private const string Head = """
        openapi: 3.1.0
        info:
          title: Plans
          version: 1.0.0
          description: What the spec file says about itself.
        paths:

        """;

    private static ApiSpec Read(string yaml)
    {
        SpecResult result = SpecReader.Read(new SpecSource("/s.yaml", yaml, new SpecFileOptions(null, null, false)), CancellationToken.None);
        return result.Spec!;
    }

    private static OperationPlan Plan(string responses, string extra = "") =>
        Read(Head + $$"""
              /a:
                get:
                  operationId: getA
            {{extra}}
                  responses:
            {{responses}}
            """).Operations.Single().Plan;

    [Fact]
    public void Listed_statuses_are_the_success_statuses_and_a_2XX_range_is_all_of_them()
    {
        OperationPlan exact = Plan("        '200': { description: ok }\n        '201': { description: created }\n        '404': { description: no }");
        OperationPlan range = Plan("        '2XX': { description: ok }\n        '404': { description: no }");
        OperationPlan none = Plan("        '404': { description: no }");

        Assert.Equal([200, 201], exact.SuccessStatuses);
        Assert.Equal(Enumerable.Range(200, 100), range.SuccessStatuses);
        Assert.Equal(Enumerable.Range(200, 100), none.SuccessStatuses);
    }

    [Fact]
    public void Result_kinds_are_json_text_or_none()
    {
        OperationPlan json = Plan("        '200': { description: ok, content: { application/json: { schema: { type: integer } } } }");
        OperationPlan text = Plan("        '200': { description: ok, content: { text/plain: { schema: { type: string } } } }");
        OperationPlan none = Plan("        '204': { description: done }");

        Assert.Equal((ResultKind.Json, TypeKind.Int64), (json.ResultKind, json.ResultType!.Kind));
        Assert.Equal((ResultKind.Text, TypeKind.String), (text.ResultKind, text.ResultType!.Kind));
        Assert.Equal((ResultKind.None, null), (none.ResultKind, none.ResultType));
    }

    [Fact]
    public void The_first_success_body_wins_and_the_same_body_twice_is_one_result()
    {
        OperationPlan plan = Plan("""
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
                    '201': { description: created, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
            components:
              schemas:
                Item: { type: object, properties: { id: { type: integer } } }
            """);

        Assert.Equal((ResultKind.Json, "Item"), (plan.ResultKind, plan.ResultType!.TypeName));
        Assert.Equal([200, 201], plan.SuccessStatuses);
    }

    [Fact]
    public void Tags_are_read_in_order()
    {
        OperationPlan plan = Plan("        '204': { description: done }", "      tags: [chats, admin]");

        Assert.Equal(["chats", "admin"], plan.Tags);
    }

    [Fact]
    public void Query_paging_is_read_into_the_plan()
    {
        ApiSpec spec = Read(Head + """
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - { name: offset, in: query, schema: { type: integer } }
                    - { name: limit, in: query, schema: { type: integer, format: int32 } }
                  x-paging: { offset: offset, limit: limit, maxLimit: 100, items: data, total: meta.total }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [meta]
                            properties:
                              data: { type: array, items: { type: string } }
                              meta: { type: object, properties: { total: { type: integer } } }
            """);

        PagingPlan paging = spec.Operations.Single().Plan.Paging!;

        Assert.Equal("ListItemsAll", paging.MethodName);
        Assert.Equal(new PagingSlot(PagingSlotKind.Query, "offset", TypeKind.Int64, IsNullable: true), paging.Offset);
        Assert.Equal(new PagingSlot(PagingSlotKind.Query, "limit", TypeKind.Int32, IsNullable: true), paging.Limit);
        Assert.Equal(100, paging.MaxLimit);
        Assert.Equal([new PathStep("Data", true)], paging.Items);
        Assert.Equal(TypeKind.String, paging.ItemType.Kind);
        Assert.Equal(["Meta", "Total"], paging.Total.Select(s => s.Identifier));
    }

    [Fact]
    public void A_body_without_a_description_is_described_by_its_schema_or_plainly()
    {
        ApiSpec spec = Read(Head + """
              /a:
                post:
                  operationId: postA
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
                  responses: { '204': { description: done } }
              /b:
                post:
                  operationId: postB
                  requestBody: { content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } } }
                  responses: { '204': { description: done } }
              /c:
                post:
                  operationId: postC
                  requestBody: { description: The note to keep., content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
                  responses: { '204': { description: done } }
            components:
              schemas:
                Note: { description: A note on a chat., type: object, properties: { text: { type: string } } }
            """);

        Assert.Equal(["A note on a chat.", "The request body.", "The note to keep."], spec.Operations.Select(o => o.RequestBody!.Description));
    }

    [Fact]
    public void The_client_summary_describes_the_client_and_the_spec_description_goes_in_remarks()
    {
        var harness = GeneratorHarness.ForSpec(Head + """
              /a:
                post:
                  operationId: postA
                  requestBody: { content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } } }
                  responses: { '204': { description: done } }
            """);
        harness.Run();

        string client = harness.GeneratedFiles["api.PlansClient.g.cs"];

        Assert.Contains("/// A client for the Plans API: 1 operation.", client);
        Assert.Contains("/// What the spec file says about itself.", client);
        Assert.DoesNotContain("<summary>\n/// What the spec", client.Replace("\r", string.Empty));
        Assert.Contains("/// <param name=\"body\">The request body.</param>", client);
        Assert.Empty(harness.CompileDiagnostics());
    }

    [Fact]
    public void Error_codes_are_one_class_each_code_once_saying_who_uses_it()
    {
        var harness = GeneratorHarness.ForSpec(Head + """
              /a:
                get:
                  operationId: getA
                  responses:
                    '400': { description: bad, x-error-codes: [invalid_request, bad_a] }
                    '404': { description: no, x-error-codes: [not_found] }
              /b:
                get:
                  operationId: getB
                  responses:
                    '400': { description: bad, x-error-codes: [invalid_request] }
                    '404': { description: no, x-error-codes: [not_found] }
              /c:
                get:
                  operationId: getC
                  responses:
                    '400': { description: bad, x-error-codes: [invalid_request] }
                    '409': { description: gone, x-error-codes: [not_found] }
            """);
        harness.Run();

        string client = harness.GeneratedFiles["api.PlansClient.g.cs"];

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.Empty(harness.CompileDiagnostics());
        Assert.Contains("public static partial class PlansErrorCodes", client);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(client, "public const string InvalidRequest = \"invalid_request\";"));
        // Every operation under the same status: said once. Otherwise each operation with its statuses.
        Assert.Contains("/// <summary><c>invalid_request</c>: returned by every operation (400).</summary>", client);
        Assert.Contains("/// <summary><c>not_found</c>: returned by <c>getA</c> (404), <c>getB</c> (404), <c>getC</c> (409).</summary>", client);
        Assert.Contains("/// <summary><c>bad_a</c>: returned by <c>getA</c> (400).</summary>", client);
        Assert.DoesNotContain("GetAErrors", client);
    }

    [Fact]
    public void Paging_is_emitted_only_where_the_compilation_has_IAsyncEnumerable()
    {
        string yaml = Head + """
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - { name: offset, in: query, schema: { type: integer } }
                    - { name: limit, in: query, schema: { type: integer } }
                  x-paging: { offset: offset, limit: limit, maxLimit: 50, items: data }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: object, properties: { data: { type: array, items: { type: string } } } } } } }
            """;
        var modern = GeneratorHarness.ForSpec(yaml);
        var legacy = new GeneratorHarness(references: []); // nothing referenced: no IAsyncEnumerable<T>, as on netstandard2.0
        legacy.AddSpec(GeneratorHarness.SpecPath, yaml);
        // netstandard2.0 with System.Text.Json: the type comes from Microsoft.Bcl.AsyncInterfaces, which an app on
        // .NET that uses the library does not get through our package.
        var polyfilled = new GeneratorHarness(references: [BclAsyncInterfaces()]);
        polyfilled.AddSpec(GeneratorHarness.SpecPath, yaml);

        modern.Run();
        legacy.Run();
        polyfilled.Run();

        Assert.DoesNotContain("AllAsync", polyfilled.GeneratedFiles["api.PlansClient.g.cs"]);

        Assert.Contains("ListItemsAllAsync(", modern.GeneratedFiles["api.PlansClient.g.cs"]);
        Assert.Empty(modern.CompileDiagnostics());
        Assert.Empty(legacy.GeneratorDiagnostics);
        Assert.DoesNotContain("AllAsync", legacy.GeneratedFiles["api.PlansClient.g.cs"]);
        Assert.Contains("ListItemsAsync(", legacy.GeneratedFiles["api.PlansClient.g.cs"]);
    }

    private static Microsoft.CodeAnalysis.MetadataReference BclAsyncInterfaces() =>
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Microsoft.Bcl.AsyncInterfaces",
                [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace System.Collections.Generic { public interface IAsyncEnumerable<out T> { } }")],
                options: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary))
            .ToMetadataReference();
}
