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
        // Simple names suffice inside the struct's body: no member may take its name or its Kind enum's (the reader
        // reserves both), so they cannot be shadowed there.
        string type = schema.TypeName;
        string kind = schema.KindTypeName!;
        DocComments.WriteSummary(writer, schema.Description);
        writer.WriteLines($$"""
            /// <remarks>
            /// Values the API sends that are not listed here are kept as they are: compare with <c>==</c>, <c>switch</c> on
            /// <see cref="{{SchemaSpec.OwnMemberName(schema.TypeName, "Kind")}}"/>, or read <see cref="ToString"/>. <c>default({{schema.TypeName}})</c> holds no value: it is not
            /// known, its <see cref="ToString"/> is an empty string, and writing it as JSON throws <see cref="__Sys::ArgumentException"/>.
            /// </remarks>
            {{Header.GeneratedCodeAttribute}}
            [{{Json}}::Serialization.JsonConverter(typeof({{options.Qualify(schema.TypeName)}}JsonConverter))]
            """);
        writer.OpenBlock($"public readonly partial struct {type} : __Sys::IEquatable<{type}>");
        WriteTable(writer, schema); // first: the static properties below look their values up in it
        writer.WriteLines($$"""
            private readonly string? _value;
            private readonly {{kind}} _kind;

            /// <summary>Wraps a wire value, known or not; an alias of a known value is that value, spelled its own way.</summary>
            /// <exception cref="__Sys::ArgumentNullException"><paramref name="value"/> is null.</exception>
            public {{type}}(string value)
                : this(value ?? throw new __Sys::ArgumentNullException(nameof(value)), ({{kind}})(s_values.Find(value) + 1))
            {
            }

            internal {{type}}(string value, {{kind}} kind)
            {
                _value = value;
                _kind = kind;
            }
            """);
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
            public bool {{SchemaSpec.OwnMemberName(schema.TypeName, "IsKnown")}} => _kind != 0;

            /// <summary>The wire value exactly as received or given (an alias keeps its spelling); an empty string for <c>default</c>.</summary>
            public override string ToString() => _value ?? string.Empty;

            /// <summary>Known values are equal when they are the same value, whatever their spelling; others compare ordinally.</summary>
            public bool Equals({{type}} other) => _kind == other._kind && (_kind != 0 || string.Equals(_value, other._value, __Sys::StringComparison.Ordinal));

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{type}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => _kind != 0 ? (int)_kind : _value is null ? 0 : __Sys::StringComparer.Ordinal.GetHashCode(_value);

            /// <summary>Compares as <see cref="Equals({{type}})"/> does.</summary>
            public static bool operator ==({{type}} left, {{type}} right) => left.Equals(right);

            /// <summary>Compares as <see cref="Equals({{type}})"/> does.</summary>
            public static bool operator !=({{type}} left, {{type}} right) => !left.Equals(right);

            /// <summary>Wraps a wire value.</summary>
            /// <exception cref="__Sys::ArgumentNullException"><paramref name="value"/> is null.</exception>
            public static implicit operator {{type}}(string value) => new(value);
            """);
        writer.CloseBlock();
    }

    /// <summary>
    /// The one per-value line of logic: every spelling in a table the runtime searches, aliases by their value's
    /// position (the Kind member is that position + 1).
    /// </summary>
    private static void WriteTable(SourceWriter writer, SchemaSpec schema)
    {
        var aliases = schema.Members
            .SelectMany((member, position) => member.Aliases.Select(alias => $", ({TypeCode.Literal(alias)}, {position})"));
        writer.WriteLine(
            $"internal static readonly {Runtime}::EnumValues s_values = new({TypeCode.Literal(schema.TypeName)}, new string[] {{ "
            + string.Join(", ", schema.Members.Select(m => TypeCode.Literal(m.Value)))
            + " }" + string.Concat(aliases) + ");");
        writer.WriteLine();
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
        string kind = options.Qualify(schema.KindTypeName!);
        writer.WriteLines($$"""
            /// <summary>Reads and writes <see cref="{{type}}"/> as a JSON string.</summary>
            {{Header.GeneratedCodeAttribute}}
            [__Sys::ComponentModel.EditorBrowsable(__Sys::ComponentModel.EditorBrowsableState.Never)]
            public sealed class {{schema.TypeName}}JsonConverter : {{Json}}::Serialization.JsonConverter<{{type}}>
            {
                /// <inheritdoc/>
                public override {{type}} Read(ref {{Json}}::Utf8JsonReader reader, __Sys::Type typeToConvert, {{Json}}::JsonSerializerOptions options) => ReadValue(ref reader);

                /// <inheritdoc/>
                /// <exception cref="__Sys::ArgumentException"><paramref name="value"/> is <c>default</c>, which has no wire value.</exception>
                public override void Write({{Json}}::Utf8JsonWriter writer, {{type}} value, {{Json}}::JsonSerializerOptions options) => WriteValue(writer, value);

                /// <summary>Reads the wire string; a known value or alias keeps the table's string (no allocation).</summary>
                public static {{type}} ReadValue(ref {{Json}}::Utf8JsonReader reader) =>
                    new({{type}}.s_values.Read(ref reader, out int position), ({{kind}})(position + 1));

                /// <summary>Writes the wire string, spelled as it was received or given.</summary>
                /// <exception cref="__Sys::ArgumentException"><paramref name="value"/> is <c>default</c>, which has no wire value.</exception>
                public static void WriteValue({{Json}}::Utf8JsonWriter writer, {{type}} value) =>
                    {{type}}.s_values.Write(writer, value.Equals(default({{type}})) ? null : value.ToString());
            }
            """);
    }

    private static string Describe(EnumMemberSpec member) =>
        member.Aliases.IsEmpty
            ? $"The value <c>{DocComments.Escape(member.Value)}</c>."
            : $"The value <c>{DocComments.Escape(member.Value)}</c>, also spelled {string.Join(", ", member.Aliases.Select(a => $"<c>{DocComments.Escape(a)}</c>"))}.";
}
