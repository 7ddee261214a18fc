using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// Emits an extensible enum: a readonly struct over the wire string with the known values as static members, and a
/// companion C# enum (<c>ChatStatusKind</c>) for <c>switch</c>. A value the spec does not list is kept as-is, never
/// rejected, nulled or mapped to a known member. An alias (<c>x-enum-aliases</c>) is equal to its value but keeps
/// its own spelling.
/// </summary>
internal static class EnumEmitter
{
    private const string Runtime = Header.RuntimeAlias;
    private const string Json = Header.JsonAlias;

    public static string Emit(SchemaSpec schema, string accessorName, EmitOptions options)
    {
        SourceWriter writer = Header.Start(options);
        WriteStruct(writer, schema, options);
        writer.WriteLine();
        WriteKindEnum(writer, schema, options);
        writer.WriteLine();
        WriteConverter(writer, schema, options);
        writer.WriteLine();
        JsonContextEmitter.WriteAccessor(writer, schema.TypeName, accessorName, options);
        return writer.ToString();
    }

    private static void WriteStruct(SourceWriter writer, SchemaSpec schema, EmitOptions options)
    {
        string type = options.Qualify(schema.TypeName);
        string kind = options.Qualify(schema.KindTypeName!);
        DocComments.WriteSummary(writer, schema.Description);
        writer.WriteLines($$"""
            /// <remarks>
            /// Values the API sends that are not listed here are kept as they are: compare with <c>==</c>, <c>switch</c> on
            /// <see cref="{{SchemaSpec.OwnMemberName(schema.TypeName, "Kind")}}"/>, or read <see cref="ToString"/>. <c>default({{schema.TypeName}})</c> holds no value: it is not
            /// known, its <see cref="ToString"/> is an empty string, and writing it as JSON throws <see cref="__Sys::ArgumentException"/>.
            /// </remarks>
            {{Header.GeneratedCodeAttribute}}
            [{{Json}}::Serialization.JsonConverter(typeof({{type}}JsonConverter))]
            """);
        writer.OpenBlock($"public readonly partial struct {schema.TypeName} : __Sys::IEquatable<{type}>");
        writer.WriteLine("private readonly string? _value;");
        writer.WriteLine($"private readonly {kind} _kind;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Wraps a wire value, known or not; an alias of a known value is that value, spelled its own way.</summary>");
        writer.WriteLine("/// <exception cref=\"__Sys::ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.OpenBlock($"public {schema.TypeName}(string value)");
        writer.WriteLine("_value = value ?? throw new __Sys::ArgumentNullException(nameof(value));");
        writer.WriteLine("_kind = value switch");
        writer.WriteLine("{");
        // Distinct spellings can share a literal (a lone surrogate becomes U+FFFD); a switch must not repeat one.
        var literals = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (EnumMemberSpec member in schema.Members)
        {
            List<string> patterns = Spellings(member).Select(TypeCode.Literal).Where(literals.Add).ToList();
            if (patterns.Count > 0)
            {
                writer.WriteLine($"    {string.Join(" or ", patterns)} => {kind}.{member.Identifier},");
            }
        }

        writer.WriteLine($"    _ => {kind}.Unknown,");
        writer.WriteLine("};");
        writer.CloseBlock();
        foreach (EnumMemberSpec member in schema.Members)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>{Describe(member)}</summary>");
            writer.WriteLine($"public static {type} {member.Identifier} {{ get; }} = new({TypeCode.Literal(member.Value)});");
        }

        writer.WriteLines($$"""

            /// <summary>Which known value this is, aliases included, or <see cref="{{kind}}.Unknown"/>; <c>switch</c> on it.</summary>
            public {{kind}} {{SchemaSpec.OwnMemberName(schema.TypeName, "Kind")}} => _kind;

            /// <summary>True when the value is one the spec lists, or an alias of one.</summary>
            public bool {{SchemaSpec.OwnMemberName(schema.TypeName, "IsKnown")}} => _kind != {{kind}}.Unknown;

            /// <summary>The wire value exactly as received or given (an alias keeps its spelling); an empty string for <c>default</c>.</summary>
            public override string ToString() => _value ?? string.Empty;

            /// <summary>Known values are equal when they are the same value, whatever their spelling; others compare ordinally.</summary>
            public bool Equals({{type}} other) =>
                _kind == other._kind && (_kind != {{kind}}.Unknown || string.Equals(_value, other._value, __Sys::StringComparison.Ordinal));

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{type}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() =>
                _kind != {{kind}}.Unknown ? (int)_kind : _value is null ? 0 : __Sys::StringComparer.Ordinal.GetHashCode(_value);

            /// <summary>Compares as <see cref="Equals({{type}})"/> does.</summary>
            public static bool operator ==({{type}} left, {{type}} right) => left.Equals(right);

            /// <summary>Compares as <see cref="Equals({{type}})"/> does.</summary>
            public static bool operator !=({{type}} left, {{type}} right) => !left.Equals(right);

            /// <summary>Wraps a wire value.</summary>
            /// <exception cref="__Sys::ArgumentNullException"><paramref name="value"/> is null.</exception>
            public static implicit operator {{type}}(string value) => new {{type}}(value);
            """);
        writer.CloseBlock();
    }

    private static void WriteKindEnum(SourceWriter writer, SchemaSpec schema, EmitOptions options)
    {
        writer.WriteLine($"/// <summary>The known values of <see cref=\"{options.Qualify(schema.TypeName)}\"/>, for <c>switch</c>.</summary>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.OpenBlock($"public enum {schema.KindTypeName}");
        writer.WriteLine("/// <summary>A value the spec does not list, or <c>default</c>.</summary>");
        writer.WriteLine("Unknown = 0,");
        foreach (EnumMemberSpec member in schema.Members)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>{Describe(member)}</summary>");
            writer.WriteLine($"{member.Identifier},");
        }

        writer.CloseBlock();
    }

    private static void WriteConverter(SourceWriter writer, SchemaSpec schema, EmitOptions options)
    {
        string type = options.Qualify(schema.TypeName);
        writer.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> as a JSON string.</summary>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.WriteLine("[__Sys::ComponentModel.EditorBrowsable(__Sys::ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock($"public sealed class {schema.TypeName}JsonConverter : {Json}::Serialization.JsonConverter<{type}>");

        // An alias read from the wire keeps its spelling; one cached instance per alias keeps reading allocation-free.
        var aliases = schema.Members.SelectMany(m => m.Aliases).Select((alias, index) => (Alias: alias, Field: "s_alias" + index)).ToList();
        foreach ((string alias, string field) in aliases)
        {
            writer.WriteLine($"private static readonly {type} {field} = new {type}({TypeCode.Literal(alias)});");
        }

        if (aliases.Count > 0)
        {
            writer.WriteLine();
        }

        writer.WriteLines($$"""
            /// <inheritdoc/>
            public override {{type}} Read(ref {{Json}}::Utf8JsonReader reader, __Sys::Type typeToConvert, {{Json}}::JsonSerializerOptions options) => ReadValue(ref reader);

            /// <inheritdoc/>
            /// <exception cref="__Sys::ArgumentException"><paramref name="value"/> is <c>default</c>, which has no wire value.</exception>
            public override void Write({{Json}}::Utf8JsonWriter writer, {{type}} value, {{Json}}::JsonSerializerOptions options) => WriteValue(writer, value);

            /// <summary>Reads the wire string; known values and aliases reuse a cached instance (no allocation).</summary>
            """);
        writer.OpenBlock($"public static {type} ReadValue(ref {Json}::Utf8JsonReader reader)");
        writer.WriteLine($"{Runtime}::JsonRead.ExpectString(ref reader);");
        foreach (EnumMemberSpec member in schema.Members)
        {
            writer.WriteLine($"if (reader.ValueTextEquals({CSharpLiteral.Utf8(member.Value)})) return {type}.{member.Identifier};");
        }

        foreach ((string alias, string field) in aliases)
        {
            writer.WriteLine($"if (reader.ValueTextEquals({CSharpLiteral.Utf8(alias)})) return {field};");
        }

        writer.WriteLine();
        writer.WriteLine($"return new {type}(reader.GetString()!);");
        writer.CloseBlock();
        writer.WriteLines($$"""

            /// <summary>Writes the wire string, spelled as it was received or given.</summary>
            /// <exception cref="__Sys::ArgumentException"><paramref name="value"/> is <c>default</c>, which has no wire value.</exception>
            """);
        writer.OpenBlock($"public static void WriteValue({Json}::Utf8JsonWriter writer, {type} value)");
        writer.OpenBlock($"if (value.Equals(default({type})))");
        writer.WriteLine($"throw new __Sys::ArgumentException({TypeCode.Literal($"default({schema.TypeName}) has no wire value; use one of its known values or new {schema.TypeName}(\"…\").")}, nameof(value));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("writer.WriteStringValue(value.ToString());");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static IEnumerable<string> Spellings(EnumMemberSpec member) => new[] { member.Value }.Concat(member.Aliases);

    private static string Describe(EnumMemberSpec member) =>
        member.Aliases.IsEmpty
            ? $"The value <c>{DocComments.Escape(member.Value)}</c>."
            : $"The value <c>{DocComments.Escape(member.Value)}</c>, also spelled {string.Join(", ", member.Aliases.Select(a => $"<c>{DocComments.Escape(a)}</c>"))}.";
}
