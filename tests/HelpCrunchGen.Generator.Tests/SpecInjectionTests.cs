using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// Spec text never becomes code: an attempt to break out of a comment, a string literal or an identifier,
/// placed in every spot where spec text reaches the output, declares nothing and compiles cleanly.
/// </summary>
public sealed class SpecInjectionTests
{
    /// <summary>Every character C# ends a <c>///</c> line at.</summary>
    private static readonly string[] s_terminators = ["\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029"];

    public static TheoryData<string> Payloads()
    {
        var payloads = new TheoryData<string>();
        foreach (string t in s_terminators)
        {
            payloads.Add($"x{t}}}{t}public class Pwned {{ }}{t}///");
            payloads.Add($"x{t}public static int Pwned => 1;{t}");
            payloads.Add($"x{t}#if true{t}public class Pwned {{ }}{t}#endif");
            payloads.Add($"x{t}#error Pwned{t}");
            payloads.Add($"x</summary>{t}public class Pwned {{ }}{t}/// <summary>");
            payloads.Add($"x\"; }}{t}public class Pwned {{ }}{t}class Q {{ string s = \"");
        }

        payloads.Add("x */ public class Pwned { } /* y");
        payloads.Add("x\"); } public class Pwned { } class Q { void M() { M(\"");
        payloads.Add("x\\\"; } public class Pwned { } //");
        payloads.Add("x\\u000A public class Pwned { } \\u000D");
        payloads.Add("x\"\"\"; } public class Pwned { } class Q { string s = \"\"\"");
        payloads.Add("x <![CDATA[ ]]> <!-- --> &amp; &#10; ' \" <see cref=\"Pwned\"/> Pwned");
        payloads.Add("x\u0000\u0007\u001b\u007f\u0085\t\f\v y Pwned");
        payloads.Add("x\u202e } public class Pwned { } \u2066 \u200b\ufeff y"); // U+FFFE is not YAML at all: HCG0001
        payloads.Add("x\ud800 public class Pwned { } \udc00 y");
        return payloads;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Injected_spec_text_stays_text(string payload)
    {
        GeneratorHarness injected = Run(payload);
        GeneratorHarness defanged = Run(Defang(payload));

        AssertDeclaresTheSame(defanged, injected);
        Assert.Empty(injected.GeneratorDiagnostics);
        IReadOnlyList<Diagnostic> compile = injected.CompileDiagnostics();
        Assert.True(compile.Count == 0, string.Join(Environment.NewLine, compile));
        AssertDocCommentsAreWellFormed(injected);
        AssertLiteralsHold(injected, WellFormed(payload));
    }

    /// <summary>Spec text turned into names gives the same names either way, so the declarations must be the same.</summary>
    private static void AssertDeclaresTheSame(GeneratorHarness defanged, GeneratorHarness injected)
    {
        List<string> expected = DeclaredSymbols(defanged);
        List<string> declared = DeclaredSymbols(injected);
        Assert.True(
            expected.SequenceEqual(declared),
            $"Added: {string.Join(", ", declared.Except(expected))}. Missing: {string.Join(", ", expected.Except(declared))}.");
        Assert.DoesNotContain(declared, s => s.EndsWith(".Pwned", StringComparison.Ordinal));
    }

    private static void AssertDocCommentsAreWellFormed(GeneratorHarness harness)
    {
        foreach (string source in harness.GeneratedFiles.Values)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, harness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose));
            Diagnostic? first = tree.GetDiagnostics().FirstOrDefault();
            Assert.True(first is null, $"{first} in: {tree.GetText().Lines[first?.Location.GetLineSpan().StartLinePosition.Line ?? 0]}");
        }

        foreach (ISymbol symbol in GeneratedSymbols(harness.Output!))
        {
            string xml = symbol.GetDocumentationCommentXml() ?? string.Empty;
            if (xml.Length > 0)
            {
                XDocument.Parse(xml); // throws on malformed XML
                Assert.DoesNotContain("Badly formed", xml, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The server URL and the error code are constants: their values must be the spec text, unchanged.</summary>
    private static void AssertLiteralsHold(GeneratorHarness harness, string expected)
    {
        List<INamedTypeSymbol> types = GeneratedSymbols(harness.Output!).OfType<INamedTypeSymbol>().ToList();
        INamedTypeSymbol client = Assert.Single(types, t => t.Name.EndsWith("Client", StringComparison.Ordinal) && t.TypeKind == TypeKind.Class);
        INamedTypeSymbol errors = Assert.Single(types, t => t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal));

        IFieldSymbol server = client.GetMembers("DefaultBaseAddress").OfType<IFieldSymbol>().Single();
        Assert.Equal(expected, server.ConstantValue);
        Assert.Contains(errors.GetMembers().OfType<IFieldSymbol>(), f => f.IsConst && Equals(f.ConstantValue, expected));
    }

    [Fact]
    public void Descriptions_keep_their_lines_as_doc_comment_lines()
    {
        GeneratorHarness harness = Run("first\u2028second\r\nthird\u0085<fourth> & \"fifth\"");

        string item = harness.GeneratedFiles["api.Item.g.cs"];

        Assert.Contains("/// first\n/// second\n/// third\n/// &lt;fourth&gt; &amp; \"fifth\"\n", item, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no communication", "NoCommunication", "noCommunication")]
    [InlineData("user_id", "UserId", "userId")]
    [InlineData("2fa", "_2fa", "_2fa")]
    [InlineData("class", "Class", "@class")]
    [InlineData("\u2160\u2161 roman", "\u2160\u2161Roman", "\u2170\u2161Roman")] // letter-numbers may start a name
    [InlineData("\u0301cafe\u0301", "_\u0301cafe\u0301", "_\u0301cafe\u0301")] // a combining mark may not
    [InlineData("user\u200bid", "UserId", "userId")] // C# would ignore the formatting character: a separator here
    [InlineData("a\U0001D49Cb", "AB", "aB")] // no identifier character outside the BMP; halves are not kept
    [InlineData("x\u203fy", "XY", "xY")]
    [InlineData("\u0660\u0661", "_\u0660\u0661", "_\u0660\u0661")]
    [InlineData("}\n{", "CloseBraceOpenBrace", "closeBraceOpenBrace")] // only symbols: spelled out, line breaks dropped
    [InlineData("\u200b", "U200B", "u200B")] // a formatting character alone: named by its code point
    public void Identifiers_are_valid_csharp_for_any_input(string name, string pascal, string camel)
    {
        Assert.Equal(pascal, Reading.Identifiers.ToPascalCase(name));
        Assert.Equal(camel, Reading.Identifiers.ToCamelCase(name));
        Assert.True(SyntaxFacts.IsValidIdentifier(pascal));
        Assert.True(SyntaxFacts.IsValidIdentifier(camel.TrimStart('@')));
    }

    [Theory]
    [InlineData("404", "404")]
    [InlineData("4XX", "4XX")]
    [InlineData("default", "Default")]
    [InlineData("x\n}\npublic class Pwned {}", "XPublicClassPwned")]
    public void Suffixes_hold_only_identifier_characters(string name, string suffix) =>
        Assert.Equal(suffix, Reading.Identifiers.ToPascalCaseSuffix(name));

    [Fact]
    public void Every_bmp_character_gives_a_valid_identifier()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string name = ((char)c).ToString();
            foreach (string identifier in new[] { Reading.Identifiers.ToPascalCase(name), Reading.Identifiers.ToPascalCase("a" + name), Reading.Identifiers.ToCamelCase(name) })
            {
                Assert.True(SyntaxFacts.IsValidIdentifier(identifier.TrimStart('@')), $"U+{c:X4} gave '{identifier}'");
            }
        }
    }

    [Fact]
    public void Every_bmp_character_reads_back_from_its_literal()
    {
        var text = new StringBuilder();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            text.Append(char.IsSurrogate((char)c) ? 'x' : (char)c);
        }

        string literal = Emitting.CSharpLiteral.String(text.ToString());
        SyntaxTree tree = CSharpSyntaxTree.ParseText($"class C {{ const string S = {literal}; }}");

        Assert.Empty(tree.GetDiagnostics());
        Assert.Single(tree.GetRoot().DescendantTokens(), t => t.IsKind(SyntaxKind.StringLiteralToken) && (string)t.Value! == text.ToString());
        Assert.DoesNotContain(literal, c => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' or '\u202e' or '\u200b' || char.IsControl(c));
    }

    private static GeneratorHarness Run(string payload)
    {
        var harness = GeneratorHarness.ForSpec(Spec(payload));
        harness.Run();
        Assert.All(harness.LastRun!.Results, r => Assert.Null(r.Exception));
        return harness;
    }

    /// <summary>
    /// One spec with <paramref name="payload"/> in every place spec text reaches the output. Header names and
    /// response keys are not among them: one that is not an HTTP token or a status is HCG0010 (DiagnosticTests).
    /// </summary>
    private static string Spec(string payload)
    {
        string p = Quote(payload);
        string path = Quote("/items/{id}/" + payload);
        return $$"""
            openapi: 3.1.0
            info:
              title: {{p}}
              description: {{p}}
              version: 1.0.0
            servers:
              - url: {{p}}
            paths:
              {{path}}:
                summary: {{p}}
                description: {{p}}
                get:
                  operationId: {{p}}
                  summary: {{p}}
                  description: {{p}}
                  parameters:
                    - name: id
                      in: path
                      required: true
                      description: {{p}}
                      schema: { type: integer }
                    - name: {{p}}
                      in: query
                      description: {{p}}
                      schema: { type: string, default: {{p}}, example: {{p}} }
                    - name: X-Payload
                      in: header
                      description: {{p}}
                      schema: { type: string, description: {{p}} }
                  responses:
                    '200':
                      description: {{p}}
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
                    '404':
                      description: {{p}}
                      x-error-codes: [{{p}}, not_found]
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
                    default:
                      description: {{p}}
                      content:
                        application/json:
                          schema:
                            type: object
                            description: {{p}}
                            properties:
                              detail: { type: string, description: {{p}} }
              /items:
                post:
                  operationId: createItem
                  description: {{p}}
                  requestBody:
                    description: {{p}}
                    required: true
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Item' }
                  responses:
                    '201':
                      description: {{p}}
            components:
              schemas:
                Item:
                  type: object
                  title: {{p}}
                  description: {{p}}
                  required: [{{p}}]
                  properties:
                    {{p}}: { type: string, description: {{p}}, default: {{p}}, example: {{p}} }
                    kind: { $ref: '#/components/schemas/Kind' }
                    tags:
                      type: array
                      description: {{p}}
                      items: { type: string, enum: [{{p}}, plain] }
                {{p}}:
                  type: object
                  title: {{p}}
                  description: {{p}}
                  properties:
                    name: { type: string, description: {{p}} }
                Kind:
                  type: string
                  description: {{p}}
                  enum: [{{p}}, ok]
                  default: {{p}}
                  example: {{p}}
            """;
    }

    /// <summary>A YAML double-quoted scalar holding <paramref name="text"/> exactly.</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u0085' => "\\N",
                '\u2028' => "\\L",
                '\u2029' => "\\P",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The payload with only its letters and digits left: the same identifiers, nothing to break out with.</summary>
    private static string Defang(string payload) =>
        new(payload.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());

    /// <summary>What a well-formed UTF-16 reading of the text holds: a lone surrogate reads as U+FFFD, as a file decoder gives.</summary>
    private static string WellFormed(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                builder.Append(text, i++, 2);
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? '\ufffd' : text[i]);
            }
        }

        return builder.ToString();
    }

    private static List<string> DeclaredSymbols(GeneratorHarness harness) =>
        GeneratedSymbols(harness.Output!).Select(s => s.ToDisplayString()).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every namespace, type and member declared in the generated files.</summary>
    private static IEnumerable<ISymbol> GeneratedSymbols(Compilation compilation)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>([compilation.Assembly.GlobalNamespace]);
        while (pending.Count > 0)
        {
            INamespaceOrTypeSymbol container = pending.Pop();
            foreach (ISymbol member in container.GetMembers())
            {
                if (member.Locations.All(l => l.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) != true))
                {
                    continue; // the placeholder source, or a namespace that only holds it
                }

                yield return member;
                if (member is INamespaceOrTypeSymbol nested)
                {
                    pending.Push(nested);
                }
            }
        }
    }
}
