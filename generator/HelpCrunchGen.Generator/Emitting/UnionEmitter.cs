using System.Collections.Generic;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// Emits a scalar union (a <c>oneOf</c> of primitives, arrays and at most one object): a readonly struct over the raw
/// JSON value, with an implicit conversion from each primitive alternative's C# type and from <c>JsonElement</c>.
/// Reading keeps the value as sent; writing writes it back unchanged.
/// </summary>
internal static class UnionEmitter
{
    private const string Runtime = Header.RuntimeAlias;
    private const string Json = Header.JsonAlias;

    // Each conversion: the flag, the C# type, how the value becomes JSON, and what the doc says it writes.
    private static readonly (UnionConversions Flag, string Type, string Create, string Writes)[] s_conversions =
    [
        (UnionConversions.String, "string", "JsonValues.String(value)", "a JSON string"),
        (UnionConversions.Int64, "long", "JsonValues.Number(value)", "a JSON integer"),
        (UnionConversions.Double, "double", "JsonValues.Number(value)", "a JSON number"),
        (UnionConversions.Boolean, "bool", "JsonValues.Boolean(value)", "<c>true</c> or <c>false</c>"),
        (UnionConversions.UnixTime, "__Sys::DateTimeOffset", "JsonValues.UnixTime(value)", "a Unix time in whole seconds"),
    ];

    public static string Emit(SchemaSpec schema, string accessorName, EmitOptions options)
    {
        SourceWriter writer = Header.Start(options);
        WriteStruct(writer, schema, options);
        writer.WriteLine();
        WriteConverter(writer, schema, options);
        writer.WriteLine();
        JsonContextEmitter.WriteAccessor(writer, schema.TypeName, accessorName, options);
        return writer.ToString();
    }

    private static void WriteStruct(SourceWriter writer, SchemaSpec schema, EmitOptions options)
    {
        string type = options.Qualify(schema.TypeName);
        DocComments.WriteSummary(writer, schema.Description);
        writer.WriteLines($$"""
            /// <remarks>
            /// One JSON value of several kinds: assign any of them (<c>value = 18</c>, <c>value = "text"</c>), or a
            /// <see cref="{{Json}}::JsonElement"/> for the rest. A value read from JSON is kept exactly as sent, and two values are
            /// equal when their JSON text is. <c>default({{schema.TypeName}})</c> holds no value: its <see cref="ToString"/> is an
            /// empty string and writing it as JSON throws <see cref="__Sys::ArgumentException"/>.
            /// </remarks>
            {{Header.GeneratedCodeAttribute}}
            [{{Json}}::Serialization.JsonConverter(typeof({{type}}JsonConverter))]
            """);
        string element = SchemaSpec.OwnMemberName(schema.TypeName, "Element");
        writer.OpenBlock($"public readonly partial struct {schema.TypeName} : __Sys::IEquatable<{type}>");
        writer.WriteLines($$"""
            private readonly {{Json}}::JsonElement _element;

            /// <summary>Wraps a JSON value (copied, so its document may be disposed).</summary>
            public {{schema.TypeName}}({{Json}}::JsonElement element) =>
                _element = element.ValueKind == {{Json}}::JsonValueKind.Undefined ? default : element.Clone();

            /// <summary>The JSON value; its kind is <see cref="{{Json}}::JsonValueKind.Undefined"/> for <c>default</c>.</summary>
            public {{Json}}::JsonElement {{element}} => _element;

            /// <summary>The JSON text of the value (<c>"text"</c> with its quotes, <c>18</c>, <c>true</c>); an empty string for <c>default</c>.</summary>
            public override string ToString() => _element.ValueKind == {{Json}}::JsonValueKind.Undefined ? string.Empty : _element.GetRawText();

            /// <summary>Equal when the JSON texts are equal (ordinal: <c>18</c> and <c>18.0</c> differ).</summary>
            public bool Equals({{type}} other) => string.Equals(ToString(), other.ToString(), __Sys::StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{type}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => __Sys::StringComparer.Ordinal.GetHashCode(ToString());

            /// <summary>Compares as <see cref="Equals({{type}})"/> does.</summary>
            public static bool operator ==({{type}} left, {{type}} right) => left.Equals(right);

            /// <summary>Compares as <see cref="Equals({{type}})"/> does.</summary>
            public static bool operator !=({{type}} left, {{type}} right) => !left.Equals(right);

            /// <summary>Wraps a JSON value as it is.</summary>
            public static implicit operator {{type}}({{Json}}::JsonElement value) => new {{type}}(value);
            """);
        foreach ((UnionConversions flag, string from, string create, string writes) in Conversions(schema.Conversions))
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The value as {writes}.</summary>");
            if (flag == UnionConversions.String)
            {
                writer.WriteLine("/// <exception cref=\"__Sys::ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
            }
            else if (flag == UnionConversions.Double)
            {
                writer.WriteLine("/// <exception cref=\"__Sys::ArgumentException\"><paramref name=\"value\"/> is NaN or infinite.</exception>");
            }

            writer.WriteLine($"public static implicit operator {type}({from} value) => new {type}({Runtime}::{create});");
        }

        writer.CloseBlock();
    }

    private static IEnumerable<(UnionConversions Flag, string Type, string Create, string Writes)> Conversions(UnionConversions flags)
    {
        foreach (var conversion in s_conversions)
        {
            if ((flags & conversion.Flag) != 0)
            {
                yield return conversion;
            }
        }
    }

    private static void WriteConverter(SourceWriter writer, SchemaSpec schema, EmitOptions options)
    {
        string type = options.Qualify(schema.TypeName);
        writer.WriteLines($$"""
            /// <summary>Reads and writes <see cref="{{type}}"/> as the JSON value it holds.</summary>
            {{Header.GeneratedCodeAttribute}}
            [__Sys::ComponentModel.EditorBrowsable(__Sys::ComponentModel.EditorBrowsableState.Never)]
            """);
        writer.OpenBlock($"public sealed class {schema.TypeName}JsonConverter : {Json}::Serialization.JsonConverter<{type}>");
        writer.WriteLines($$"""
            /// <inheritdoc/>
            public override {{type}} Read(ref {{Json}}::Utf8JsonReader reader, __Sys::Type typeToConvert, {{Json}}::JsonSerializerOptions options) => ReadValue(ref reader);

            /// <inheritdoc/>
            /// <exception cref="__Sys::ArgumentException"><paramref name="value"/> is <c>default</c>, which holds no JSON value.</exception>
            public override void Write({{Json}}::Utf8JsonWriter writer, {{type}} value, {{Json}}::JsonSerializerOptions options) => WriteValue(writer, value);

            /// <summary>Reads any JSON value and keeps it as sent.</summary>
            public static {{type}} ReadValue(ref {{Json}}::Utf8JsonReader reader) => new {{type}}({{Runtime}}::JsonRead.Any(ref reader));

            /// <summary>Writes the JSON text of the value unchanged.</summary>
            /// <exception cref="__Sys::ArgumentException"><paramref name="value"/> is <c>default</c>, which holds no JSON value.</exception>
            """);
        writer.OpenBlock($"public static void WriteValue({Json}::Utf8JsonWriter writer, {type} value)");
        writer.OpenBlock($"if (value.{SchemaSpec.OwnMemberName(schema.TypeName, "Element")}.ValueKind == {Json}::JsonValueKind.Undefined)");
        writer.WriteLine($"throw new __Sys::ArgumentException({TypeCode.Literal($"default({schema.TypeName}) holds no JSON value; assign one of its alternatives or a JsonElement.")}, nameof(value));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("// Raw, not re-encoded: what was read is written back byte for byte, so it reads back equal.");
        writer.WriteLine("writer.WriteRawValue(value.ToString(), skipInputValidation: true);");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
