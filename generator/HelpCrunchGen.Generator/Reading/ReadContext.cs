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
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly Dictionary<string, YamlNode?> _resolvedReferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Claims a C# type name for <paramref name="origin"/>; on a clash reports HCG0008 at <paramref name="at"/>
    /// and returns false (two spec names never silently share one identifier).
    /// </summary>
    public bool TryClaimTypeName(string typeName, string origin, YamlNode at)
    {
        if (_typeNames.TryGetValue(typeName, out string? owner))
        {
            Report(Descriptors.IdentifierCollision, at, origin, typeName, owner);
            return false;
        }

        _typeNames.Add(typeName, origin);
        return true;
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
            Report(Descriptors.UnsupportedConstruct, reference, $"The external reference '{pointer}'");
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
                case YamlMappingNode mapping when mapping.Get(segment) is { } child:
                    current = child;
                    break;
                case YamlSequenceNode sequence when int.TryParse(segment, out int index) && index >= 0 && index < sequence.Children.Count:
                    current = sequence.Children[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }
}

/// <summary>Compares YAML nodes by identity: YamlDotNet's own equality is deep and recursive.</summary>
internal sealed class NodeIdentity : IEqualityComparer<YamlNode>
{
    public static readonly NodeIdentity Instance = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
