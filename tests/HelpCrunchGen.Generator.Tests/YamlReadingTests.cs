using System.Text;
using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>
/// Every unreadable YAML is HCG0001 at its token, never HCG0012; and YAML that js-yaml (Redocly) or PyYAML reads
/// is read, with the values they read. Expected values were produced with js-yaml 5.4.3 as bundled by
/// @redocly/cli 2.77.0 (and PyYAML 6.0.3), and are written here as literals.
/// </summary>
public sealed class YamlReadingTests
{
    private const string Head = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\n";

    public static TheoryData<string, string, int, int, string> Unreadable => new()
    {
        // name, yaml, line, column (1-based, of the diagnostic's start), a word of the message
        { "flow mapping unclosed at end of file", "openapi: 3.1.0\ninfo: {title: T, version: 1\n", 3, 1, "'}'" },
        { "flow mapping unclosed mid-file", "openapi: 3.1.0\ninfo: {title: T, version: 1\npaths: {}\n", 3, 1, "'{' opened at line 2, column 7 is not closed" },
        { "flow sequence unclosed at end of file", "openapi: 3.1.0\ntags: [a, b\n", 3, 1, "']'" },
        { "flow sequence unclosed mid-file", "openapi: 3.1.0\ntags: [a, b\npaths: {}\n", 3, 1, "'[' opened at line 2, column 7 is not closed" },
        { "bad indentation", "openapi: 3.1.0\ninfo:\n  title: T\n version: 1\n", 4, 2, "did not find expected key" },
        { "tab as indentation", "openapi: 3.1.0\ninfo:\n\ttitle: T\n", 3, 1, "tab" },
        { "duplicate key", Head + "paths: {}\ninfo: {}\n", 4, 1, "Duplicate key" },
        { "duplicate key in a flow mapping", "openapi: 3.1.0\ninfo: { title: T, title: U }\n", 2, 19, "Duplicate key" },
        { "invalid escape", "openapi: 3.1.0\ninfo: \"a\\qb\"\n", 2, 7, "escape" },
        { "undefined alias", "openapi: 3.1.0\ninfo: *nope\n", 2, 7, "'*nope' refers to no anchor" },
        { "alias inside its own anchor", "openapi: 3.1.0\na: &x [1, *x]\n", 2, 11, "'*x' refers to a node that contains it" },
        { "alias as a whole root", "*a\nopenapi: 3.1.0\n", 1, 1, "no anchor" },
        { "second document", Head + "---\nb: 2\n", 3, 1, "one YAML document" },
        { "NUL", "openapi: 3.1.0\ninfo: a\u0000b\n", 2, 8, "U+0000" },
        { "control character", "openapi: 3.1.0\ninfo: a\u0001b\n", 2, 8, "U+0001" },
        { "DEL", "openapi: 3.1.0\ninfo: a\u007Fb\n", 2, 8, "U+007F" },
        { "C1 control", "openapi: 3.1.0\ninfo: a\u0090b\n", 2, 8, "U+0090" },
                        { "escaped lone surrogate", "openapi: 3.1.0\ninfo: \"\\ud800\"\n", 2, 7, "surrogate" },
        { "control character after CRLF lines", "openapi: 3.1.0\r\ninfo:\r\n  a: \u0002\r\n", 3, 6, "U+0002" },
        { "control character after CR lines", "openapi: 3.1.0\rinfo:\r  a: \u0002\r", 3, 6, "U+0002" },
        { "unclosed double quote", "openapi: 3.1.0\ninfo: \"abc\n", 2, 7, "quoted scalar" },
        { "block scalar over-indented first line (js-yaml refuses too)", "openapi: 3.1.0\na: |\n    first\n  second\nb: 1\n", 4, 3, "key" },
        { "block scalar leading blank line with too many spaces (js-yaml refuses too)", "openapi: 3.1.0\na: |-\n    \n  x\nb: 1\n", 4, 1, "extra spaces" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Unreadable_yaml_is_HCG0001_at_its_token(string name, string yaml, int line, int column, string messagePart)
    {
        var harness = GeneratorHarness.ForSpec(yaml);

        harness.Run();

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.True(diagnostic.Id == "HCG0001", $"{name}: {diagnostic}");
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SpecPath, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains(messagePart, diagnostic.GetMessage(), StringComparison.Ordinal);
        // The text span agrees with the line position.
        Assert.Equal(span.StartLinePosition, SourceLine(yaml, diagnostic.Location.SourceSpan.Start));
    }

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDBFF)]
    [InlineData(0xDC00)]
    public void A_lone_surrogate_is_refused_at_its_position(int surrogate)
    {
        // Not theory data of strings: xunit's serialization would replace a lone surrogate before the test sees it.
        string yaml = "openapi: 3.1.0\ninfo: a" + (char)surrogate + "b\n";

        (int line, int column, string message) = Error(yaml);

        Assert.Equal((2, 8), (line, column));
        Assert.Contains($"U+{surrogate:X4}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_is_read()
    {
        YamlNode root = Read("a: x\uD83D\uDE00y\n");

        Assert.Equal("x\U0001F600y", ((YamlScalarNode)((YamlMappingNode)root).Get("a")!).Value);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_positions_still_count_it()
    {
        (int line, int column, _) = Error("\uFEFFa: [1\n");

        Assert.Equal((2, 1), (line, column));
        Assert.Equal(5L, YamlLoader.Load("\uFEFFa: [\"\n", out YamlError? error) is null ? error!.Start.Index : -1);
    }

    [Fact]
    public void Ten_thousand_open_brackets_stop_at_the_depth_limit()
    {
        string yaml = "openapi: 3.1.0\na: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        (int line, int column, string message) = Error(yaml);

        // The root mapping is level 1, so the 500th level is the 499th bracket (column 4 + 498).
        Assert.Equal((2, 4 + YamlGuard.MaxDepth - 1), (line, column));
        Assert.Contains("more than 500 levels", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_that_PyYAML_reads_is_read()
    {
        string yaml = "a: " + new string('[', 480) + new string(']', 480) + "\n";

        YamlNode root = Read(yaml);

        YamlNode node = ((YamlMappingNode)root).Children[new YamlScalarNode("a")];
        for (int level = 1; level < 480; level++)
        {
            node = Assert.Single(((YamlSequenceNode)node).Children);
        }

        Assert.Empty(((YamlSequenceNode)node).Children);
    }

    [Fact]
    public void Schemas_nested_to_the_depth_limit_go_through_the_whole_generator()
    {
        // Readers and emitters recurse per level: the deepest YAML the guard lets through must not exhaust the
        // stack. Each schema level is two YAML levels ({properties: {a: …}}); four more hold the document.
        int levels = (YamlGuard.MaxDepth - 4) / 2;
        string schema = string.Concat(Enumerable.Repeat("{type: object, properties: {a: ", levels)) + "{type: string}" + new string('}', 2 * levels);
        string yaml = Head + "paths: {}\ncomponents:\n  schemas:\n    A: " + schema + "\n";

        var harness = GeneratorHarness.ForSpec(yaml);
        GeneratorDriverRunResult result = harness.Run();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "HCG0001" or "HCG0012");
        Assert.NotEmpty(result.GeneratedTrees);
    }

    [Fact]
    public void An_alias_bomb_is_refused_at_the_alias_that_exceeds_the_limit()
    {
        // Billion laughs: each level repeats the previous one nine times (9^9 nodes if expanded).
        var yaml = new StringBuilder("openapi: 3.1.0\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'i'; level++)
        {
            string previous = "*" + (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(", ", Enumerable.Repeat(previous, 9))).Append("]\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        (int line, _, string message) = Error(yaml.ToString());

        Assert.Contains("expand to more than", message, StringComparison.Ordinal);
        Assert.Equal(8, line); // level 'g' repeats 9 * 597,871 nodes: the first past a million
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Aliases_within_the_limit_are_read_as_the_anchored_node()
    {
        YamlMappingNode root = (YamlMappingNode)Read("a: &x { k: v }\nb: *x\n");

        Assert.Same(root.Children[new YamlScalarNode("a")], root.Children[new YamlScalarNode("b")]);
    }

    [Fact]
    public void An_alias_nesting_past_the_depth_limit_is_refused()
    {
        // 250 levels, repeated inside another 250: each part is legal, the expansion is not.
        string deep = new string('[', 250) + new string(']', 250);
        string yaml = "a: &deep " + deep + "\nb: " + new string('[', 260) + "*deep" + new string(']', 260) + "\n";

        (int line, int column, string message) = Error(yaml);

        Assert.Equal((2, 4 + 260), (line, column));
        Assert.Contains("'*deep' nests collections more than 500 levels", message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[], string> ReadLikeJsYaml => new()
    {
        // name, yaml, path to a scalar, the value js-yaml reads there
        { "literal, leading line of spaces (YamlDotNet#523)", "a:\n  Body: |+\n      \n      Begin forwarded\n  c: d\n", ["a", "Body"], "\nBegin forwarded\n" },
        { "literal clip, leading line of spaces", "a:\n  Body: |\n      \n      Begin\n  c: d\n", ["a", "Body"], "\nBegin\n" },
        { "folded, leading line of spaces", "a:\n  Body: >\n      \n      Begin\n      more\n  c: d\n", ["a", "Body"], "\nBegin more\n" },
        { "literal, all lines blank with spaces (YamlDotNet#535)", "a:\n- b: |\n    \n    \n  c: d\n", ["a", "0", "b"], "" },
        { "literal, all blank, the next key is still read", "a:\n- b: |\n    \n    \n  c: d\n", ["a", "0", "c"], "d" },
        { "folded, all lines blank with spaces", "a:\n- b: >\n    \n    \n  c: d\n", ["a", "0", "b"], "" },
        { "literal keep, all lines blank with spaces", "a:\n- b: |+\n    \n    \n  c: d\n", ["a", "0", "b"], "\n\n" },
        { "leading line with fewer spaces than the content", "a:\n  b: |\n   \n      x\n  c: 1\n", ["a", "b"], "\nx\n" },
        { "leading line of spaces, top-level block", "a: |\n  \n  x\nb: 1\n", ["a"], "\nx\n" },
        { "leading line of spaces, comment after the header", "a: | # c\n  \n  x\nb: 1\n", ["a"], "\nx\n" },
        { "leading line of spaces, tagged", "a: !!str |\n  \n  x\nb: 1\n", ["a"], "\nx\n" },
        { "leading line of spaces, in a sequence", "- |\n  \n  x\n- y\n", ["0"], "\nx\n" },
        { "leading line of spaces, in a sequence, next entry", "- |\n  \n  x\n- y\n", ["1"], "y" },
        { "all-blank block at end of file", "a: |\n    \n    ", ["a"], "" },
        { "leading blank line", "a: |\n\n  text\nb: 1\n", ["a"], "\ntext\n" },
        { "folded leading blank line", "a: >\n\n  text\n  more\nb: 1\n", ["a"], "\ntext more\n" },
        { "indentation indicator", "a: |2\n    first\n  second\nb: 1\n", ["a"], "  first\nsecond\n" },
        { "indentation indicator, leading line of spaces", "a:\n  b: |2\n     \n    x\n  c: 1\n", ["a", "b"], " \nx\n" },
        { "strip", "a: |-\n  x\n\nb: 1\n", ["a"], "x" },
        { "keep", "a: |+\n  x\n\nb: 1\n", ["a"], "x\n\n" },
        { "more-indented line of spaces inside", "a: |\n  x\n    \n  y\nb: 1\n", ["a"], "x\n  \ny\n" },
        { "folded, more-indented lines", "a: >\n  x\n\n    indented\n  y\nb: 1\n", ["a"], "x\n\n  indented\ny\n" },
        { "folded, trailing spaces (YamlDotNet#492)", "Text: >\n   Sed ut,\n   maiores.   \n   \nValue: foo\n", ["Text"], "Sed ut, maiores.   \n" },
        // js-yaml reads "x\n"; YAML 1.2 (b-chomped-last), PyYAML and YamlDotNet: no line break to keep at the end of input.
        { "block at end of file without a line break", "a: |\n  x", ["a"], "x" },
        { "empty block at end of file", "a: |\n", ["a"], "" },
        { "tab in content", "a: |\n  \tx\nb: 1\n", ["a"], "\tx\n" },
        { "CRLF line endings", "a: |\r\n  x\r\n  y\r\nb: 1\r\n", ["a"], "x\ny\n" },
        { "CR line endings", "a: x\rb: y\r", ["b"], "y" },
        { "byte order mark", "\uFEFFa: x\n", ["a"], "x" },
        { "key longer than 1024 characters", new string('k', 1100) + ": 1\n", [new string('k', 1100)], "1" },
        { "explicit key", "? a\n: 1\n", ["a"], "1" },
        { "YAML 1.1 directive", "%YAML 1.1\n---\na: 1\n", ["a"], "1" },
        { "non-specific tag", "! a: ! 1\n", ["a"], "1" },
        { "colon in a flow sequence entry", "[a: b]\n", ["0", "a"], "b" },
        { "URL in a flow mapping", "{url: http://x.y/z}\n", ["url"], "http://x.y/z" },
        // PyYAML reads these (js-yaml refuses them, YamlDotNet refuses the double-quoted ones: refitter#486).
        { "double-quoted, continuation less indented than the key", "a:\n  b: \"line one\n  line two\"\n  c: 1\n", ["a", "b"], "line one line two" },
        { "double-quoted, continuation at column 1", "a:\n  b: \"line one\nline two\"\n  c: 1\n", ["a", "b"], "line one line two" },
        { "double-quoted, the next key is still read", "a:\n  b: \"line one\nline two\"\n  c: 1\n", ["a", "c"], "1" },
        { "double-quoted in a sequence, continuation under the dash", "a:\n  - \"line one\n  line two\"\n", ["a", "0"], "line one line two" },
        { "double-quoted, escaped quote and blank line", "a:\n  b: \"x \\\" y\n\n z\"\n", ["a", "b"], "x \" y\nz" },
        { "single-quoted, continuation less indented", "a:\n  b: 'line one\n line two'\n  c: 1\n", ["a", "b"], "line one line two" },
        { "merge key", "base: &b {k: v, j: w}\nc:\n  <<: *b\n  k: z\n", ["c", "j"], "w" },
        { "merge key, overridden by the mapping", "base: &b {k: v, j: w}\nc:\n  <<: *b\n  k: z\n", ["c", "k"], "z" },
        { "merge key, the mapping's earlier key wins", "a: &a {x: 1}\nc:\n  x: 0\n  <<: *a\n", ["c", "x"], "0" },
        { "merge of a sequence, the first source wins", "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  w: 3\n", ["c", "y"], "1" },
        { "merge of a sequence, later sources add", "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  w: 3\n", ["c", "z"], "2" },
        { "merge of a mapping that merges", "a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nc:\n  <<: *b\n", ["c", "x"], "1" },
        { "a quoted << is an ordinary key", "c:\n  \"<<\": {x: 1}\n", ["c", "<<", "x"], "1" },
        { "escaped surrogate pair", "a: \"\\ud83d\\ude00\"\n", ["a"], "\U0001F600" },
    };

    [Theory]
    [MemberData(nameof(ReadLikeJsYaml))]
    public void Yaml_that_js_yaml_reads_is_read_with_the_same_values(string name, string yaml, string[] path, string expected)
    {
        YamlNode node = Read(yaml);
        foreach (string step in path)
        {
            node = node is YamlSequenceNode sequence
                ? sequence.Children[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]
                : ((YamlMappingNode)node).Get(step)!;
        }

        Assert.True(expected == ((YamlScalarNode)node).Value, $"{name}: {((YamlScalarNode)node).Value}");
    }

    [Fact]
    public void Merged_keys_take_the_place_of_the_merge_key_in_js_yaml_order()
    {
        var root = (YamlMappingNode)Read("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  k: 0\n  <<: [*a, *b]\n  w: 3\n  x: 9\n");

        var c = (YamlMappingNode)root.Get("c")!;
        // js-yaml: {"k":0,"x":9,"y":1,"z":2,"w":3}
        Assert.Equal(["k", "x", "y", "z", "w"], c.Children.Select(entry => YamlNodes.KeyText(entry.Key)));
        Assert.Equal(["0", "9", "1", "2", "3"], c.Children.Select(entry => ((YamlScalarNode)entry.Value).Value));
    }

    [Fact]
    public void A_merge_key_on_a_scalar_is_HCG0001_at_the_scalar()
    {
        (int line, int column, string message) = Error("openapi: 3.1.0\nc:\n  <<: 5\n");

        Assert.Equal((3, 7), (line, column));
        Assert.Contains("'<<' takes a mapping", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_after_a_worked_around_block_scalar_are_those_of_the_original_text()
    {
        // The spaces on line 6 are removed before parsing; the bad $ref on line 9 must still be reported at its
        // place in the text the user wrote.
        string yaml = Head + "paths: {}\ncomponents:\n  schemas:\n    A:\n      description: |\n        \n        text\n      properties:\n        b: { $ref: '#/nowhere' }\n";

        var harness = GeneratorHarness.ForSpec(yaml);
        harness.Run();

        Diagnostic diagnostic = Assert.Single(harness.GeneratorDiagnostics);
        Assert.Equal("HCG0005", diagnostic.Id);
        TextSpanShouldBe(yaml, diagnostic, "'#/nowhere'", line: 11, column: 20);
    }

    [Fact]
    public void Positions_after_a_worked_around_quoted_scalar_are_those_of_the_original_text()
    {
        string yaml = "a:\n  b: \"one\ntwo\nthree\"\n  c: [1\n  d: 2\n";

        (int line, int column, string message) = Error(yaml);

        Assert.Equal((6, 3), (line, column));
        Assert.Contains("'[' opened at line 5, column 6", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_scalar_workaround_does_not_hide_a_later_error()
    {
        string yaml = "a: |\n  \n  x\nb: [1\nc: 2\n";

        (int line, int column, string message) = Error(yaml);

        Assert.Equal((5, 1), (line, column));
        Assert.Contains("'[' opened at line 4, column 4", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_of_the_real_spec_is_read_or_is_an_error_at_a_position_in_the_text()
    {
        string spec = File.ReadAllText(TestPaths.HelpCrunchSpec);
        int errors = 0;

        // Every byte offset (RobustnessTests runs whole prefixes through the whole generator, on a sample). The YAML before the current path or schema entry does not change how the scanner
        // sees the cut, so each cut is parsed from that entry on, under its parent lines: 23,000 parses of a
        // few hundred bytes rather than of 11 KB on average, with the same state at the cut.
        List<(int Start, int Indent)> lines = ContentLines(spec);
        Parallel.For(0, spec.Length + 1, length =>
        {
            string text = EntryUpTo(spec, lines, length);
            if (YamlLoader.Load(text, out YamlError? error) is null && error is not null)
            {
                Assert.InRange(error.Start.Index, 0, text.Length);
                Assert.False(string.IsNullOrEmpty(error.Message));
                Interlocked.Increment(ref errors);
            }
        });

        // Cuts inside a quoted scalar or a flow collection are YAML errors: make sure some were met.
        Assert.True(errors > 0);
    }

    /// <summary>Start and indentation of each line holding more than spaces or a comment.</summary>
    private static List<(int Start, int Indent)> ContentLines(string text)
    {
        var lines = new List<(int, int)>();
        for (int start = 0; start < text.Length; start = text.IndexOf('\n', start) is int end and >= 0 ? end + 1 : text.Length)
        {
            int indent = 0;
            while (start + indent < text.Length && text[start + indent] == ' ')
            {
                indent++;
            }

            if (start + indent < text.Length && text[start + indent] is not ('\n' or '#'))
            {
                lines.Add((start, indent));
            }
        }

        return lines;
    }

    /// <summary>The text from the last line indented at most 4 before <paramref name="length"/> up to it, under its parents.</summary>
    private static string EntryUpTo(string spec, List<(int Start, int Indent)> lines, int length)
    {
        int entry = lines.FindLastIndex(line => line.Start < length && line.Indent <= 4);
        if (entry < 0)
        {
            return spec.Substring(0, length);
        }

        var text = new StringBuilder();
        int below = lines[entry].Indent;
        for (int parent = entry - 1; parent >= 0 && below > 0; parent--)
        {
            if (lines[parent].Indent < below)
            {
                below = lines[parent].Indent;
                int end = spec.IndexOf('\n', lines[parent].Start);
                text.Insert(0, spec.Substring(lines[parent].Start, end + 1 - lines[parent].Start));
            }
        }

        return text.Append(spec, lines[entry].Start, length - lines[entry].Start).ToString();
    }

    private static YamlNode Read(string yaml)
    {
        YamlNode? root = YamlLoader.Load(yaml, out YamlError? error);
        Assert.True(error is null, error?.Message + " at " + error?.Start);
        return Assert.IsAssignableFrom<YamlNode>(root);
    }

    private static (int Line, int Column, string Message) Error(string yaml)
    {
        YamlNode? root = YamlLoader.Load(yaml, out YamlError? error);
        Assert.Null(root);
        Assert.NotNull(error);
        return ((int)error.Start.Line, (int)error.Start.Column, error.Message);
    }

    private static LinePosition SourceLine(string text, int offset) =>
        SourceText.From(text).Lines.GetLinePosition(offset);

    private static void TextSpanShouldBe(string yaml, Diagnostic diagnostic, string text, int line, int column)
    {
        Assert.Equal(text, yaml.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }
}
