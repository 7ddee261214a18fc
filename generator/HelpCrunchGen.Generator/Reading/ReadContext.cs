using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using HelpCrunchGen.Generator.Diagnostics;
using HelpCrunchGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>State shared while reading one spec: diagnostics, <c>$ref</c> resolution and the type names taken.</summary>
internal sealed class ReadContext
{
    /// <summary>The vendor extension that names a schema, property, parameter or operation in C#.</summary>
    public const string NameOverrideKey = "x-csharp-name";

    private static readonly string[] s_converterSuffix = ["JsonConverter"];

    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly Dictionary<string, YamlNode?> _resolvedReferences = new(StringComparer.Ordinal);

    // Keys of the large mappings $refs walk through (components/schemas of a big spec), indexed once: a linear
    // lookup per reference made reading quadratic (5,000 operations took 13x the time of 1,000).
    private readonly Dictionary<YamlMappingNode, Dictionary<string, YamlNode>> _keyIndexes = new(NodeIdentity.Instance);
    private const int IndexedMappingSize = 32;

    public ReadContext(string filePath, YamlMappingNode root, CancellationToken cancellationToken)
    {
        FilePath = filePath;
        Root = root;
        CancellationToken = cancellationToken;
    }

    public string FilePath { get; }

    public YamlMappingNode Root { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The node being read, so an unexpected failure can still be reported near its cause.</summary>
    public YamlNode? CurrentNode { get; set; }

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, YamlNode at, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, LocationOf(FilePath, at.Start, at.End), args.ToEquatableArray()));

    public static LocationInfo LocationOf(string filePath, Mark start, Mark end)
    {
        // YamlDotNet marks are 1-based lines/columns and 0-based character offsets; Roslyn wants 0-based positions.
        var startPosition = new LinePosition(ToInt(start.Line) - 1, ToInt(start.Column) - 1);
        var endPosition = new LinePosition(ToInt(end.Line) - 1, ToInt(end.Column) - 1);
        return new LocationInfo(
            filePath,
            TextSpan.FromBounds(ToInt(start.Index), Math.Max(ToInt(start.Index), ToInt(end.Index))),
            new LinePositionSpan(startPosition, endPosition < startPosition ? startPosition : endPosition));

        static int ToInt(long value) => (int)Math.Max(0, Math.Min(int.MaxValue, value));
    }

    /// <summary>The type names of the spec's namespace: schemas, their converters, the client and its companions.</summary>
    public NameScope TypeNames { get; } = new(ignoreCase: true);

    /// <summary>
    /// Claims a C# type name (and its <c>JsonConverter</c>) for <paramref name="origin"/>. A name that is taken
    /// gets a numbered variant and a warning at <paramref name="at"/>: two spec names never share one identifier.
    /// </summary>
    public string ClaimTypeName(string desired, string origin, YamlNode at, bool withConverter = true) =>
        Claim(TypeNames, desired, origin, at, withConverter ? s_converterSuffix : []);

    /// <summary>Claims <paramref name="desired"/> in <paramref name="scope"/>, warning when a spec name had to be renamed.</summary>
    public string Claim(NameScope scope, string desired, string origin, YamlNode at, params string[] companions)
    {
        string name = scope.Claim(desired, origin, companions);
        if (name != desired)
        {
            string owner = scope.OwnerOf(desired) ?? FirstOwner(scope, desired, companions) ?? "another name";
            Report(Descriptors.IdentifierCollision, at, origin, desired, owner, name);
        }

        return name;
    }

    private static string? FirstOwner(NameScope scope, string name, string[] companions)
    {
        foreach (string suffix in companions)
        {
            if (scope.OwnerOf(name + suffix) is { } owner)
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>
    /// The C# name the spec chose for a schema, property, parameter or operation with <c>x-csharp-name</c>,
    /// or null. A value that is not a C# identifier is reported and ignored.
    /// </summary>
    public string? NameOverride(YamlNode? owner)
    {
        if (owner is not YamlMappingNode mapping || mapping.Get(NameOverrideKey) is not { } value)
        {
            return null;
        }

        if (value is YamlScalarNode { Value: { } text } && Identifiers.IsPlainIdentifier(text))
        {
            return text;
        }

        Report(Descriptors.MalformedElement, value, $"'{NameOverrideKey}'", "a C# identifier that is not a keyword");
        return null;
    }

    /// <summary>
    /// Follows a local <c>$ref</c> (<c>#/components/…</c>). External references are reported as unsupported,
    /// broken ones as unresolved; both return null.
    /// </summary>
    public YamlNode? Resolve(YamlScalarNode reference)
    {
        string pointer = reference.Value ?? string.Empty;
        if (!pointer.StartsWith("#", StringComparison.Ordinal))
        {
            Report(Descriptors.UnsupportedSchema, reference, $"The external reference '{pointer}'");
            return null;
        }

        if (!_resolvedReferences.TryGetValue(pointer, out YamlNode? target))
        {
            target = Walk(pointer);
            _resolvedReferences.Add(pointer, target);
        }

        if (target is null)
        {
            Report(Descriptors.UnresolvedReference, reference, pointer);
        }

        return target;
    }

    private YamlNode? Walk(string pointer)
    {
        YamlNode current = Root;
        foreach (string rawSegment in pointer.Substring(1).Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            // JSON Pointer escapes (RFC 6901) after URI percent-decoding.
            string segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            switch (current)
            {
                case YamlMappingNode mapping when Child(mapping, segment) is { } child:
                    current = child;
                    break;
                case YamlSequenceNode sequence when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) && index >= 0 && index < sequence.Children.Count:
                    current = sequence.Children[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    private YamlNode? Child(YamlMappingNode mapping, string key)
    {
        if (mapping.Children.Count < IndexedMappingSize)
        {
            return mapping.Get(key);
        }

        if (!_keyIndexes.TryGetValue(mapping, out Dictionary<string, YamlNode>? index))
        {
            index = new Dictionary<string, YamlNode>(mapping.Children.Count, StringComparer.Ordinal);
            foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
            {
                // The first of two equal keys wins, as in Get (duplicate keys are refused before reading anyway).
                if (entry.Key is YamlScalarNode { Value: { } name } && !index.ContainsKey(name))
                {
                    index.Add(name, entry.Value);
                }
            }

            _keyIndexes.Add(mapping, index);
        }

        return index.TryGetValue(key, out YamlNode? child) ? child : null;
    }
}

/// <summary>Compares YAML nodes by identity: YamlDotNet's own equality is deep and recursive.</summary>
internal sealed class NodeIdentity : IEqualityComparer<YamlNode>
{
    public static readonly NodeIdentity Instance = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
