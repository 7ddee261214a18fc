using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>Emits an object schema: the record, its Utf8JsonReader/Utf8JsonWriter converter and its JsonTypeInfo accessor.</summary>
internal static class ObjectEmitter
{
    private const string Runtime = "global::HelpCrunchGen.Runtime";
    private const string Json = "global::System.Text.Json";

    public static string Emit(SchemaSpec schema, string accessorName, EmitOptions options)
    {
        var types = new TypeCode(options);
        SourceWriter writer = Header.Start(options);
        WriteRecord(writer, schema, options, types);
        writer.WriteLine();
        WriteConverter(writer, schema, options, types);
        writer.WriteLine();
        JsonContextEmitter.WriteAccessor(writer, schema.TypeName, accessorName, options);
        return writer.ToString();
    }

    private static void WriteRecord(SourceWriter writer, SchemaSpec schema, EmitOptions options, TypeCode types)
    {
        DocComments.WriteSummary(writer, schema.Description);
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.WriteLine($"[{Json}.Serialization.JsonConverter(typeof({options.Qualify(schema.TypeName)}JsonConverter))]");
        writer.OpenBlock($"public sealed partial record {schema.TypeName}");
        bool first = true;
        foreach (PropertySpec property in schema.Properties)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            DocComments.WriteSummary(writer, property.Description);
            DocComments.WriteDeprecation(writer, property);

            string required = property.IsRequired ? "required " : string.Empty;
            writer.WriteLine($"public {required}{types.TypeName(property.Type, property.IsNullableInCSharp)} {property.Identifier} {{ get; init; }}");
        }

        writer.CloseBlock();
    }

    private static void WriteConverter(SourceWriter writer, SchemaSpec schema, EmitOptions options, TypeCode types)
    {
        string type = options.Qualify(schema.TypeName);
        writer.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> as JSON, without reflection.</summary>");
        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock($"public sealed class {schema.TypeName}JsonConverter : {Json}.Serialization.JsonConverter<{type}>");

        foreach (PropertySpec property in schema.Properties)
        {
            writer.WriteLine($"private static readonly {Json}.JsonEncodedText {NameField(property)} = {Json}.JsonEncodedText.Encode({TypeCode.Literal(property.JsonName)});");
        }

        if (schema.Properties.Count > 0)
        {
            writer.WriteLine();
        }

        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override {type} Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options) => ReadValue(ref reader);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override void Write({Json}.Utf8JsonWriter writer, {type} value, {Json}.JsonSerializerOptions options) => WriteValue(writer, value);");
        writer.WriteLine();
        WriteReadValue(writer, schema, type, types);
        writer.WriteLine();
        WriteWriteValue(writer, schema, type, types);
        types.WriteHelpers(writer);
        writer.CloseBlock();
    }

    private static void WriteReadValue(SourceWriter writer, SchemaSpec schema, string type, TypeCode types)
    {
        writer.WriteLine($"/// <summary>Reads one <see cref=\"{type}\"/>; the reader is on its first token and ends on its last.</summary>");
        writer.OpenBlock($"public static {type} ReadValue(ref {Json}.Utf8JsonReader reader)");
        writer.WriteLine($"{Runtime}.JsonRead.ExpectStartObject(ref reader);");
        foreach (PropertySpec property in schema.Properties)
        {
            // Required locals start as default! and are checked by the _has flag below.
            bool needsBang = !property.IsNullableInCSharp && !TypeCode.IsValueType(property.Type);
            writer.WriteLine($"{types.TypeName(property.Type, property.IsNullableInCSharp)} {Local(property)} = default{(needsBang ? "!" : string.Empty)};");
            if (property.IsRequired)
            {
                writer.WriteLine($"bool {Seen(property)} = false;");
            }
        }

        writer.WriteLine("string? property = null;");
        writer.OpenBlock("try");
        writer.OpenBlock($"while (reader.Read() && reader.TokenType == {Json}.JsonTokenType.PropertyName)");
        string keyword = "if";
        foreach (PropertySpec property in schema.Properties)
        {
            writer.OpenBlock($"{keyword} (reader.ValueTextEquals({CSharpLiteral.Utf8(property.JsonName)}))");
            writer.WriteLine($"property = {TypeCode.Literal(property.JsonName)};");
            writer.WriteLine("reader.Read();");
            writer.WriteLine($"{Local(property)} = {types.ReadExpression(property.Type, property.Type.IsNullable || !property.IsRequired)};");
            if (property.IsRequired)
            {
                writer.WriteLine($"{Seen(property)} = true;");
            }

            writer.CloseBlock();
            keyword = "else if";
        }

        if (schema.Properties.Count > 0)
        {
            writer.OpenBlock("else");
        }

        writer.WriteLine("// Unknown properties are skipped: the API adds fields over time.");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("reader.Skip();");
        if (schema.Properties.Count > 0)
        {
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine("property = null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock($"catch (global::System.Exception ex) when (property is not null && {Runtime}.JsonRead.IsReadFailure(ex))");
        writer.WriteLine($"throw {Runtime}.JsonRead.PropertyFailed(ex, property);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{Runtime}.JsonRead.ExpectEndObject(ref reader);");
        foreach (PropertySpec property in schema.Properties.Where(p => p.IsRequired))
        {
            writer.OpenBlock($"if (!{Seen(property)})");
            writer.WriteLine($"throw {Runtime}.JsonRead.MissingProperty({TypeCode.Literal(schema.TypeName)}, {TypeCode.Literal(property.JsonName)});");
            writer.CloseBlock();
        }

        writer.WriteLine();
        if (schema.Properties.Count == 0)
        {
            writer.WriteLine($"return new {type}();");
        }
        else
        {
            writer.OpenBlock($"return new {type}");
            foreach (PropertySpec property in schema.Properties)
            {
                writer.WriteLine($"{property.Identifier} = {Local(property)},");
            }

            writer.CloseBlock(";");
        }

        writer.CloseBlock();
    }

    private static void WriteWriteValue(SourceWriter writer, SchemaSpec schema, string type, TypeCode types)
    {
        writer.WriteLine($"/// <summary>Writes one <see cref=\"{type}\"/> as a JSON object.</summary>");
        writer.OpenBlock($"public static void WriteValue({Json}.Utf8JsonWriter writer, {type} value)");
        writer.WriteLine("writer.WriteStartObject();");
        foreach (PropertySpec property in schema.Properties)
        {
            bool canBeNull = property.IsNullableInCSharp || !TypeCode.IsValueType(property.Type);
            // Null is written when the spec allows it or requires the property; an absent optional value is omitted.
            types.WriteValueOrNull(writer, property.Type, "value." + property.Identifier, NameField(property), property.Type.IsNullable || property.IsRequired, canBeNull);
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    private static string NameField(PropertySpec property) => "s_" + property.Identifier + "Name";

    private static string Local(PropertySpec property) => "_" + property.Identifier;

    private static string Seen(PropertySpec property) => "_has" + property.Identifier;
}
