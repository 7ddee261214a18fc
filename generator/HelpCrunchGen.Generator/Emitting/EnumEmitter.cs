using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// Emits an extensible enum: a readonly struct over the wire string with the known values as static members.
/// A value the spec does not list is kept as-is, never rejected, nulled or mapped to a known member.
/// </summary>
internal static class EnumEmitter
{
    private const string Runtime = "global::HelpCrunchGen.Runtime";
    private const string Json = "global::System.Text.Json";

    public static string Emit(SchemaSpec schema, string accessorName, EmitOptions options)
    {
        string type = options.Qualify(schema.TypeName);
        SourceWriter writer = Header.Start(options);

        DocComments.WriteSummary(writer, schema.Description);
        writer.WriteLine("/// <remarks>Values the API sends that are not listed here are kept as they are; compare with <c>==</c> or read <see cref=\"ToString\"/>.</remarks>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.WriteLine($"[{Json}.Serialization.JsonConverter(typeof({type}JsonConverter))]");
        writer.OpenBlock($"public readonly partial struct {schema.TypeName} : global::System.IEquatable<{type}>");
        writer.WriteLine("private readonly string? _value;");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Wraps a wire value, known or not.</summary>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.WriteLine($"public {schema.TypeName}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (EnumMemberSpec member in schema.Members)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The value <c>{DocComments.Escape(member.Value)}</c>.</summary>");
            writer.WriteLine($"public static {type} {member.Identifier} {{ get; }} = new {type}({TypeCode.Literal(member.Value)});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>True when the value is one the spec lists.</summary>");
        writer.WriteLine("public bool IsKnown => _value switch");
        writer.WriteLine("{");
        foreach (EnumMemberSpec member in schema.Members)
        {
            writer.WriteLine($"    {TypeCode.Literal(member.Value)} => true,");
        }

        writer.WriteLine("    _ => false,");
        writer.WriteLine("};");
        writer.WriteLines($$"""

            /// <summary>The wire value.</summary>
            public override string ToString() => _value ?? string.Empty;

            /// <inheritdoc/>
            public bool Equals({{type}} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{type}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);

            /// <summary>Compares wire values (ordinal).</summary>
            public static bool operator ==({{type}} left, {{type}} right) => left.Equals(right);

            /// <summary>Compares wire values (ordinal).</summary>
            public static bool operator !=({{type}} left, {{type}} right) => !left.Equals(right);

            /// <summary>Wraps a wire value.</summary>
            public static implicit operator {{type}}(string value) => new {{type}}(value);
            """);
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> as a JSON string.</summary>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock($"public sealed class {schema.TypeName}JsonConverter : {Json}.Serialization.JsonConverter<{type}>");
        writer.WriteLines($$"""
            /// <inheritdoc/>
            public override {{type}} Read(ref {{Json}}.Utf8JsonReader reader, global::System.Type typeToConvert, {{Json}}.JsonSerializerOptions options) => ReadValue(ref reader);

            /// <inheritdoc/>
            public override void Write({{Json}}.Utf8JsonWriter writer, {{type}} value, {{Json}}.JsonSerializerOptions options) => WriteValue(writer, value);

            /// <summary>Reads the wire string; known values reuse their static instance (no allocation).</summary>
            """);
        writer.OpenBlock($"public static {type} ReadValue(ref {Json}.Utf8JsonReader reader)");
        writer.WriteLine($"{Runtime}.JsonRead.ExpectString(ref reader);");
        foreach (EnumMemberSpec member in schema.Members)
        {
            writer.OpenBlock($"if (reader.ValueTextEquals({CSharpLiteral.Utf8(member.Value)}))");
            writer.WriteLine($"return {type}.{member.Identifier};");
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine($"return new {type}(reader.GetString()!);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Writes the wire string.</summary>");
        writer.WriteLine($"public static void WriteValue({Json}.Utf8JsonWriter writer, {type} value) => writer.WriteStringValue(value.ToString());");
        writer.CloseBlock();
        writer.WriteLine();
        JsonContextEmitter.WriteAccessor(writer, schema.TypeName, accessorName, options);
        return writer.ToString();
    }
}
