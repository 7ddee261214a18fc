using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Benchmarks;

/// <summary>The documented bodies of the seed call, taken from <c>spec/helpcrunch.yaml</c> itself (not copied).</summary>
internal static class SpecExamples
{
    private static readonly Lazy<(byte[] Request, byte[] Response)> s_examples = new(Load);

    /// <summary>The folder holding <c>HelpCrunchGen.sln</c>, found from the benchmark's own folder (BenchmarkDotNet runs it from below bin/).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The repository's <c>spec/helpcrunch.yaml</c> (the same file the generator reads).</summary>
    public static string SpecPath { get; } = Path.Combine(RepositoryRoot, "spec", "helpcrunch.yaml");

    /// <summary>The 200 body of <c>updateChatAssignee</c> (example <c>assigned</c>) as compact UTF-8 JSON.</summary>
    public static byte[] ChatJson => s_examples.Value.Response;

    /// <summary>The request example <c>assign</c> as compact UTF-8 JSON.</summary>
    public static byte[] RequestJson => s_examples.Value.Request;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HelpCrunchGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("HelpCrunchGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static (byte[], byte[]) Load()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(SpecPath, Encoding.UTF8))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var put = (YamlMappingNode)Child(Child(Child(root, "paths"), "/chats/assignee"), "put");
        YamlNode request = Child(Child(Child(Child(Child(Child(put, "requestBody"), "content"), "application/json"), "examples"), "assign"), "value");
        YamlNode response = Child(Child(Child(Child(Child(Child(Child(put, "responses"), "200"), "content"), "application/json"), "examples"), "assigned"), "value");
        return (ToJson(request), ToJson(response));
    }

    private static YamlNode Child(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static byte[] ToJson(YamlNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return stream.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)pair.Key).Value!);
                    Write(writer, pair.Value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (YamlNode item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                string value = scalar.Value ?? string.Empty;
                bool plain = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
                if (plain && value is "null" or "~" or "")
                {
                    writer.WriteNullValue();
                }
                else if (plain && value is "true" or "false")
                {
                    writer.WriteBooleanValue(value == "true");
                }
                else if (plain && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(value);
                }

                break;
            default:
                throw new InvalidDataException("Unexpected YAML node " + node.NodeType);
        }
    }
}
