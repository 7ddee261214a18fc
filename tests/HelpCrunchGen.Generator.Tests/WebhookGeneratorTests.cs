using System.Globalization;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// <c>webhooks</c> of any OpenAPI 3.1 spec that declares <c>x-webhooks</c>: one event class per webhook, the parser, and
/// a diagnostic at the exact node for each malformed entry. A spec without them gets nothing new.
/// </summary>
public sealed class WebhookGeneratorTests
{
    private const string FileName = "api.ShopWebhooks.g.cs";

    private const string Shop = """
        openapi: 3.1.0
        info:
          title: Shop
          version: 1.0.0
        x-webhooks:
          eventProperty: type
          signature:
            header: X-Shop-Signature
            algorithm: hmac-sha256
            encoding: hex
        paths: {}
        webhooks:
          order.created:
            post:
              summary: An order was placed.
              requestBody:
                content:
                  application/json:
                    schema:
                      allOf:
                        - $ref: '#/components/schemas/Envelope'
                        - properties:
                            payload:
                              $ref: '#/components/schemas/Order'
          ping:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Envelope'
        components:
          schemas:
            Envelope:
              type: object
              required: [type, payload]
              properties:
                type: {type: string}
                payload: {}
                sentAt: {type: integer, format: unix-time}
                eventName: {type: string, description: Named like the constant each event class declares.}
            Order:
              type: object
              required: [id]
              properties:
                id: {type: integer}
            Label:
              type: string
        """;

    private static GeneratorHarness Run(string yaml)
    {
        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();
        return harness;
    }

    private static INamedTypeSymbol Type(GeneratorHarness harness, string name) =>
        harness.Output!.GetTypeByMetadataName("Test.Api." + name) ?? throw new Xunit.Sdk.XunitException("no type " + name);

    [Fact]
    public void Webhooks_become_one_event_per_webhook_over_a_base_with_the_envelope_and_a_signed_parser()
    {
        GeneratorHarness harness = Run(Shop);

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.Empty(harness.CompileDiagnostics());
        Assert.Contains(FileName, harness.GeneratedFiles.Keys);

        INamedTypeSymbol baseType = Type(harness, "ShopWebhookEvent");
        Assert.True(baseType.IsAbstract);
        Assert.Equal(["Envelope", "Name", "Payload", "SentAt"], baseType.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).Order());

        INamedTypeSymbol created = Type(harness, "OrderCreatedEvent");
        Assert.Equal(baseType, created.BaseType, SymbolEqualityComparer.Default);
        Assert.Equal("Test.Api.Order", created.GetMembers("Data").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
        Assert.Equal("order.created", created.GetMembers("EventName").OfType<IFieldSymbol>().Single().ConstantValue);

        INamedTypeSymbol ping = Type(harness, "PingEvent");
        Assert.Empty(ping.GetMembers("Data"));
        Assert.Equal(baseType, Type(harness, "UnknownWebhookEvent").BaseType, SymbolEqualityComparer.Default);

        INamedTypeSymbol parser = Type(harness, "ShopWebhooks");
        Assert.Equal("X-Shop-Signature", parser.GetMembers("SignatureHeader").OfType<IFieldSymbol>().Single().ConstantValue);
        Assert.All(parser.GetMembers("Parse").OfType<IMethodSymbol>(), m => Assert.Equal(["body", "signature", "signingKey"], m.Parameters.Select(p => p.Name)));
        string code = harness.GeneratedFiles[FileName];
        Assert.Contains("WebhookSignatureAlgorithm.HmacSha256, SignatureHeader);", code);
        Assert.Contains("\"order.created\" => new __Api::OrderCreatedEvent(envelope, __Rt::Webhooks.WebhookJson.ReadRequiredData<__Api::Order>(envelope.Payload, options, \"payload\")),", code);
        Assert.Contains("\"ping\" => new __Api::PingEvent(envelope),", code);
    }

    [Fact]
    public void Without_a_signature_the_parser_takes_the_body_only()
    {
        GeneratorHarness harness = Run(Shop.Replace("  signature:\n    header: X-Shop-Signature\n    algorithm: hmac-sha256\n    encoding: hex\n", ""));

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.Empty(harness.CompileDiagnostics());
        INamedTypeSymbol parser = Type(harness, "ShopWebhooks");
        Assert.Empty(parser.GetMembers("SignatureHeader"));
        Assert.All(parser.GetMembers("Parse").OfType<IMethodSymbol>(), m => Assert.Equal(["body"], m.Parameters.Select(p => p.Name)));
    }

    [Fact]
    public void An_x_csharp_name_on_the_post_names_the_event_and_a_taken_name_is_renamed_with_a_warning()
    {
        string yaml = Shop.Replace("      summary: An order was placed.\n", "      summary: An order was placed.\n      x-csharp-name: OrderPlaced\n")
            .Replace("    Label:\n", "    PingEvent:\n      type: object\n      properties: {x: {type: string}}\n    Label:\n");

        GeneratorHarness harness = Run(yaml);

        Assert.Empty(harness.CompileDiagnostics());
        Assert.Equal("OrderPlaced", Type(harness, "OrderPlaced").Name);
        Diagnostic renamed = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal("HCG0008", renamed.Id);
        Assert.Equal("Test.Api.ShopWebhookEvent", Type(harness, "PingEvent2").BaseType!.ToDisplayString());
    }

    [Fact]
    public void Without_x_webhooks_the_webhooks_section_adds_nothing()
    {
        string withoutExtension = Shop.Replace("x-webhooks:\n  eventProperty: type\n  signature:\n    header: X-Shop-Signature\n    algorithm: hmac-sha256\n    encoding: hex\n", "");
        string withoutWebhooks = withoutExtension.Substring(0, withoutExtension.IndexOf("webhooks:", StringComparison.Ordinal)) + withoutExtension.Substring(withoutExtension.IndexOf("components:", StringComparison.Ordinal));

        GeneratorHarness with = Run(withoutExtension);
        GeneratorHarness without = Run(withoutWebhooks);

        Assert.Empty(with.GeneratorDiagnostics);
        Assert.Equal(without.GeneratedFiles, with.GeneratedFiles);
        Assert.DoesNotContain(with.GeneratedFiles.Keys, k => k.Contains("Webhook", StringComparison.Ordinal));
    }

    [Fact]
    public void An_openapi_3_0_spec_without_webhooks_gets_no_webhook_code()
    {
        GeneratorHarness harness = Run("openapi: 3.0.3\ninfo: {title: Shop, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Order: {type: object, properties: {id: {type: integer}}}\n");

        Assert.Empty(harness.GeneratorDiagnostics);
        Assert.Equal(["api.Order.g.cs", "api.ShopClient.g.cs", "api.ShopJsonContext.g.cs"], harness.GeneratedFiles.Keys.Order());
    }

    [Fact]
    public void Editing_an_unrelated_schema_reuses_the_webhooks_and_adding_a_webhook_re_emits_them()
    {
        var harness = GeneratorHarness.ForSpec(Shop);
        harness.Run();

        harness.EditSpec(GeneratorHarness.SpecPath, Shop.Replace("    Label:\n      type: string\n", "    Label:\n      type: string\n      description: Edited.\n"));
        GeneratorRunResult unrelated = harness.Run().Results.Single();

        Assert.All(unrelated.TrackedSteps[TrackingNames.Webhooks].SelectMany(step => step.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));

        harness.EditSpec(GeneratorHarness.SpecPath, Shop.Replace("  ping:\n", "  pong:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Envelope'\n  ping:\n"));
        GeneratorRunResult added = harness.Run().Results.Single();

        Assert.Contains(added.TrackedSteps[TrackingNames.Webhooks].SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"pong\" => new __Api::PongEvent(envelope),", harness.GeneratedFiles[FileName]);
    }

    public static TheoryData<string, string, string, string, string> Malformed => new()
    {
        // case, text replaced in Shop, its replacement, the node the diagnostic spans, the message
        { "extension not a mapping", "x-webhooks:\n  eventProperty: type\n", "x-webhooks: [type]\nx-old:\n  eventProperty: type\n", "[type]", "'x-webhooks' must be a mapping with 'eventProperty' and, optionally, 'signature'" },
        { "no event property", "  eventProperty: type\n", "  eventProp: type\n", "eventProp: type\n  signature:\n    header: X-Shop-Signature\n    algorithm: hmac-sha256\n    encoding: hex\n", "'x-webhooks.eventProperty' must be the name of the envelope property that carries the event name" },
        { "unknown algorithm", "algorithm: hmac-sha256", "algorithm: md5", "md5", "'x-webhooks.signature.algorithm' must be hmac-sha1 or hmac-sha256" },
        { "unknown encoding", "encoding: hex", "encoding: base64", "base64", "'x-webhooks.signature.encoding' must be hex (the only encoding supported)" },
        { "header not a token", "header: X-Shop-Signature", "header: X Shop Signature", "X Shop Signature", "'x-webhooks.signature.header' must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)" },
        { "webhooks not a mapping", "webhooks:\n  order.created:", "webhooks: [1]\nx-old:\n  order.created:", "[1]", "'webhooks' must be a mapping of event names to path items" },
        { "webhook not a mapping", "  ping:\n    post:", "  ping: nothing\n  x-ping:\n    post:", "nothing", "Webhook 'ping' must be a path item (a mapping)" },
        { "no request body", "    post:\n      summary: An order was placed.\n      requestBody:", "    post:\n      summary: An order was placed.\n      requestBodyX:", "post", "The POST operation of webhook 'order.created' must be a request body with an application/json schema" },
        { "inline body", "            schema:\n              $ref: '#/components/schemas/Envelope'", "            schema:\n              type: object", "type: object", "The request body schema of webhook 'ping' must be a $ref to the envelope schema, or an allOf of that $ref and an object that narrows one of its properties" },
        { "event property missing from the envelope", "eventProperty: type", "eventProperty: kind", "kind", "'x-webhooks.eventProperty' ('kind') must be a string property of the envelope schema 'Envelope'" },
        { "narrowed property not in the envelope", "                    payload:\n                      $ref", "                    body:\n                      $ref", "body", "The property 'body' that webhook 'order.created' narrows must be an untyped property ({}) of the envelope schema 'Envelope'" },
        { "data not an object", "                      $ref: '#/components/schemas/Order'", "                      $ref: '#/components/schemas/Label'", "$ref: '#/components/schemas/Label'", "The 'payload' of webhook 'order.created' must be an object schema" },
        { "two narrowed properties", "                      $ref: '#/components/schemas/Order'", "                      $ref: '#/components/schemas/Order'\n                    sentAt: {type: string}", "sentAt", "The request body of webhook 'order.created' must be the envelope with at most one property narrowed (the event's data)" },
        { "another envelope", "              $ref: '#/components/schemas/Envelope'", "              $ref: '#/components/schemas/Order'", "'#/components/schemas/Order'", "The envelope of webhook 'ping' must be the schema the other webhooks use ('Envelope')" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_entry_is_an_error_at_its_node_and_the_rest_still_compiles(string @case, string find, string replace, string spanText, string message)
    {
        Assert.Contains(find, Shop);
        string yaml = Shop.Replace(find, replace);

        GeneratorHarness harness = Run(yaml);

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.True(("HCG0010", DiagnosticSeverity.Error) == (diagnostic.Id, diagnostic.Severity), @case + ": " + diagnostic);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(yaml, diagnostic, spanText, searchFrom: Shop.IndexOf(find, StringComparison.Ordinal));
        Assert.Empty(harness.CompileDiagnostics());
    }

    [Fact]
    public void A_webhook_without_post_is_skipped_with_a_warning_at_its_key()
    {
        string yaml = Shop.Replace("  ping:\n    post:", "  ping:\n    put:");

        GeneratorHarness harness = Run(yaml);

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal(("HCG0013", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal("A webhook without a POST operation is not supported; the webhook 'ping' is skipped", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(yaml, diagnostic, "ping", searchFrom: yaml.IndexOf("webhooks:", StringComparison.Ordinal));
        Assert.Empty(harness.CompileDiagnostics());
        Assert.Null(harness.Output!.GetTypeByMetadataName("Test.Api.PingEvent"));
        Assert.NotNull(harness.Output!.GetTypeByMetadataName("Test.Api.OrderCreatedEvent"));
    }

    /// <summary>
    /// The diagnostic starts at the first <paramref name="spanText"/> from <paramref name="searchFrom"/>, at its line and
    /// column, and spans that text (YAML marks give collections an empty span: only their start is checked).
    /// </summary>
    private static void AssertAt(string yaml, Diagnostic diagnostic, string spanText, int searchFrom)
    {
        int start = yaml.IndexOf(spanText, searchFrom, StringComparison.Ordinal);
        Assert.True(start >= 0, spanText);
        string before = yaml.Substring(0, start);
        int line = before.Count(c => c == '\n');
        int column = start - (before.LastIndexOf('\n') + 1);
        FileLinePositionSpan position = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SpecPath, position.Path);
        Assert.Equal((line, column), (position.StartLinePosition.Line, position.StartLinePosition.Character));
        Assert.Equal(start, diagnostic.Location.SourceSpan.Start);
        if (diagnostic.Location.SourceSpan.Length > 0)
        {
            Assert.Equal(spanText, yaml.Substring(start, diagnostic.Location.SourceSpan.Length));
        }
    }
}
