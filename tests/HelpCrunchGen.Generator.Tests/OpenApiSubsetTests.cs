using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>The OpenAPI subset the whole HelpCrunch API needs, proven on small specs of our own.</summary>
public sealed class OpenApiSubsetTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Subset, version: '1' }
        servers: [ { url: 'https://subset.example.com/api' } ]
        paths:
          /chats/{chatId}/messages:
            parameters:
              - $ref: '#/components/parameters/ChatId'
            get:
              operationId: listMessages
              parameters:
                - { name: limit, in: query, schema: { type: integer, format: int32 } }
                - { name: tags, in: query, schema: { type: array, items: { type: string } } }
                - { name: X-Request-Id, in: header, schema: { type: string, format: uuid } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: { type: array, items: { $ref: '#/components/schemas/Message' } }
                          total: { type: integer }
                '404': { $ref: '#/components/responses/NotFound' }
            post:
              operationId: createMessage
              requestBody: { $ref: '#/components/requestBodies/NewMessage' }
              responses:
                '201':
                  description: created
                  content: { application/json: { schema: { $ref: '#/components/schemas/Message' } } }
        components:
          parameters:
            ChatId: { name: chatId, in: path, required: true, schema: { type: integer, format: int64 } }
          requestBodies:
            NewMessage:
              required: true
              content: { application/json: { schema: { $ref: '#/components/schemas/NewMessage' } } }
          responses:
            NotFound:
              description: Not found.
              x-error-codes: [not_found, chat_not_found]
              content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } }
          schemas:
            Base:
              type: object
              required: [id]
              properties:
                id: { type: integer, format: int64 }
            Message:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  required: [text]
                  properties:
                    text: { type: string, nullable: true }
                    score: { type: number, format: float }
                    ratio: { type: number }
                    read: { type: boolean }
                    createdAt: { type: string, format: date-time }
                    sentAt: { type: integer, format: unix-time }
                    key: { type: string, format: uuid }
                    kind: { type: string, enum: [message, private, tech] }
                    counts: { type: object, additionalProperties: { type: integer, format: int32 } }
                    extra: { type: object }
                    anything: {}
                    author:
                      type: object
                      properties:
                        name: { type: string }
                    labels: { type: array, items: { type: string, nullable: true } }
                    sender: { allOf: [ { $ref: '#/components/schemas/Base' } ], nullable: true }
            NewMessage:
              type: object
              required: [text]
              properties:
                text: { type: string }
            Error:
              type: object
              properties:
                errors: { type: array, items: { type: object, properties: { code: { type: string } } } }
            Alias: { type: array, items: { $ref: '#/components/schemas/NewMessage' } }
        """;

    private static ApiSpec Read()
    {
        SpecResult result = SpecReader.Read(new SpecSource("/s.yaml", Spec, new SpecFileOptions(null, null, false)), CancellationToken.None);
        Assert.Empty(result.Diagnostics);
        return result.Spec!;
    }

    private static PropertySpec Property(ApiSpec spec, string type, string json) =>
        spec.Schemas.Single(s => s.TypeName == type).Properties.Single(p => p.JsonName == json);

    [Fact]
    public void AllOf_merges_properties_and_required_names_in_order()
    {
        ApiSpec spec = Read();

        SchemaSpec message = spec.Schemas.Single(s => s.TypeName == "Message");

        Assert.Equal(["id", "text", "score", "ratio", "read", "createdAt", "sentAt", "key", "kind", "counts", "extra", "anything", "author", "labels", "sender"], message.Properties.Select(p => p.JsonName));
        Assert.True(Property(spec, "Message", "id").IsRequired);
        Assert.True(Property(spec, "Message", "text").IsRequired);
        Assert.False(Property(spec, "Message", "score").IsRequired);
    }

    [Theory]
    [InlineData("id", nameof(TypeKind.Int64), false)]
    [InlineData("text", nameof(TypeKind.String), true)]
    [InlineData("score", nameof(TypeKind.Single), false)]
    [InlineData("ratio", nameof(TypeKind.Double), false)]
    [InlineData("read", nameof(TypeKind.Boolean), false)]
    [InlineData("createdAt", nameof(TypeKind.DateTime), false)]
    [InlineData("sentAt", nameof(TypeKind.UnixTime), false)]
    [InlineData("key", nameof(TypeKind.Uuid), false)]
    [InlineData("kind", nameof(TypeKind.Enum), false)]
    [InlineData("counts", nameof(TypeKind.Map), false)]
    [InlineData("extra", nameof(TypeKind.Any), false)]
    [InlineData("anything", nameof(TypeKind.Any), false)]
    [InlineData("author", nameof(TypeKind.Object), false)]
    [InlineData("labels", nameof(TypeKind.Array), false)]
    [InlineData("sender", nameof(TypeKind.Object), true)]
    public void Types_formats_and_nullability_map_as_documented(string json, string kind, bool nullable)
    {
        PropertySpec property = Property(Read(), "Message", json);

        Assert.Equal(kind, property.Type.Kind.ToString());
        Assert.Equal(nullable, property.Type.IsNullable);
    }

    [Fact]
    public void Inline_objects_and_enums_are_named_from_parent_and_property()
    {
        ApiSpec spec = Read();

        Assert.Equal("MessageAuthor", Property(spec, "Message", "author").Type.TypeName);
        Assert.Equal("MessageKind", Property(spec, "Message", "kind").Type.TypeName);
        Assert.Equal(["message", "private", "tech"], spec.Schemas.Single(s => s.TypeName == "MessageKind").Members.Select(m => m.Value));
        Assert.Contains(spec.Schemas, s => s.TypeName == "ListMessagesResponse");
        Assert.DoesNotContain(spec.Schemas, s => s.TypeName is "Error" or "ErrorErrorsItem"); // only an error response reaches them
        Assert.DoesNotContain(spec.Schemas, s => s.TypeName == "Alias"); // an alias is inlined where used
    }

    [Fact]
    public void Array_items_and_map_values_keep_their_own_types()
    {
        ApiSpec spec = Read();

        TypeSpec labels = Property(spec, "Message", "labels").Type;
        TypeSpec counts = Property(spec, "Message", "counts").Type;

        Assert.Equal((TypeKind.String, true), (labels.Element!.Kind, labels.Element.IsNullable));
        Assert.Equal(TypeKind.Int32, counts.Element!.Kind);
    }

    [Fact]
    public void Parameters_bodies_and_responses_resolve_through_component_references()
    {
        ApiSpec spec = Read();

        OperationSpec list = spec.Operations.Single(o => o.OperationId == "listMessages");
        Assert.Equal(("GET", "/chats/{chatId}/messages"), (list.HttpMethod, list.Path));
        Assert.Equal(
            [("chatId", ParameterLocation.Path, true, TypeKind.Int64), ("limit", ParameterLocation.Query, false, TypeKind.Int32), ("tags", ParameterLocation.Query, false, TypeKind.Array), ("X-Request-Id", ParameterLocation.Header, false, TypeKind.Uuid)],
            list.Parameters.Select(p => (p.Name, p.Location, p.IsRequired, p.Type.Kind)));
        Assert.Equal("xRequestId", list.Parameters[3].Identifier);
        ResponseSpec notFound = list.Responses.Single(r => r.StatusCode == "404");
        Assert.Equal(["not_found", "chat_not_found"], notFound.ErrorCodes);
        Assert.Equal("Error", notFound.Body!.TypeName);

        OperationSpec create = spec.Operations.Single(o => o.OperationId == "createMessage");
        Assert.Equal(("NewMessage", true), (create.RequestBody!.Type.TypeName, create.RequestBody.IsRequired));
        Assert.Equal("Message", create.Responses.Single().Body!.TypeName);
    }

    [Fact]
    public void The_generated_code_compiles_with_zero_warnings()
    {
        var harness = GeneratorHarness.ForSpec(Spec);
        harness.Run();

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.Empty(harness.CompileDiagnostics());
        Assert.Contains("listMessages", harness.GeneratedFiles["api.SubsetClient.g.cs"]);
    }

    [Fact]
    public void OpenApi_31_type_lists_and_null_alternatives_mean_nullable()
    {
        string yaml = """
            openapi: 3.1.0
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Agent: { type: object, properties: { id: { type: integer } } }
                Chat:
                  type: object
                  properties:
                    closedAt: { type: [integer, "null"], format: unix-time }
                    assignee: { oneOf: [ { $ref: '#/components/schemas/Agent' }, { type: "null" } ] }
                    department: { anyOf: [ { type: "null" }, { $ref: '#/components/schemas/Agent' } ] }
                    mood: { type: [string, "null"], enum: [happy, sad, null] }
            """;

        SpecResult result = SpecReader.Read(new SpecSource("/s.yaml", yaml, new SpecFileOptions(null, null, false)), CancellationToken.None);

        Assert.Empty(result.Diagnostics);
        SchemaSpec chat = result.Spec!.Schemas.Single(s => s.TypeName == "Chat");
        Assert.All(chat.Properties, p => Assert.True(p.Type.IsNullable, p.JsonName));
        Assert.Equal([TypeKind.UnixTime, TypeKind.Object, TypeKind.Object, TypeKind.Enum], chat.Properties.Select(p => p.Type.Kind));
        Assert.Equal(["happy", "sad"], result.Spec.Schemas.Single(s => s.TypeName == "ChatMood").Members.Select(m => m.Value));
    }

    [Theory]
    [InlineData("no communication", "NoCommunication")]
    [InlineData("on hold", "OnHold")]
    [InlineData("public_api", "PublicApi")]
    [InlineData("agentChatOnly", "AgentChatOnly")]
    [InlineData("very poor", "VeryPoor")]
    [InlineData("filter[0].field", "Filter0Field")]
    [InlineData("2fa", "_2fa")]
    [InlineData("", "Empty")]
    public void Names_become_pascal_case_identifiers(string name, string identifier) =>
        Assert.Equal(identifier, Identifiers.ToPascalCase(name));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("chat_id", "chatId")]
    [InlineData("event", "@event")]
    public void Parameter_names_are_camel_case_and_keywords_are_escaped(string name, string identifier) =>
        Assert.Equal(identifier, Identifiers.ToCamelCase(name));
}
