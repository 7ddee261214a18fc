using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Model;
using HelpCrunchGen.Generator.Reading;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// Emits an object schema: the record (which remembers which optional properties were set), its JSON reading and
/// writing code, the converter that System.Text.Json and the client call, and its JsonTypeInfo accessor.
/// </summary>
internal static class ObjectEmitter
{
    private const string Runtime = Header.RuntimeAlias;
    private const string Json = Header.JsonAlias;
    private const string Hidden = "[__Sys::ComponentModel.EditorBrowsable(__Sys::ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>The members each record declares for its JSON code; the schema's property names avoid them.</summary>
    public const string ReadMethod = "ReadJson";
    public const string WriteMethod = "WriteJson";

    public static string Emit(SchemaSpec schema, string accessorName, EmitOptions options)
    {
        var types = new TypeCode(options);
        var members = new RecordMembers(schema);
        SourceWriter writer = Header.Start(options);
        WriteRecord(writer, schema, members, options, types);
        writer.WriteLine();
        WriteJsonPart(writer, schema, members, options, types);
        writer.WriteLine();
        WriteConverter(writer, schema, options);
        writer.WriteLine();
        JsonContextEmitter.WriteAccessor(writer, schema.TypeName, accessorName, options);
        return writer.ToString();
    }

    private static void WriteRecord(SourceWriter writer, SchemaSpec schema, RecordMembers members, EmitOptions options, TypeCode types)
    {
        DocComments.WriteSummary(writer, schema.Description);
        if (schema.Properties.Any(p => !p.IsRequired))
        {
            writer.WriteLine("/// <remarks>");
            writer.WriteLine("/// Only the properties that are set are sent: an optional property that the initializer (or <c>with</c>)");
            writer.WriteLine("/// does not set is left out of the JSON, and one set to <c>null</c> is sent as <c>null</c>. Read from JSON,");
            writer.WriteLine("/// a property is set when its key was present.");
            writer.WriteLine("/// </remarks>");
        }

        writer.WriteLine(Header.GeneratedCodeAttribute);
        writer.WriteLine($"[{Json}::Serialization.JsonConverter(typeof({options.Qualify(schema.TypeName)}JsonConverter))]");
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
            string type = types.TypeName(property.Type, property.IsNullableInCSharp);
            if (property.IsRequired)
            {
                writer.WriteLine($"public required {type} {property.Identifier} {{ get; init; }}");
                continue;
            }

            // An optional property remembers that it was set, so that "not set" (omitted) differs from null (sent).
            writer.WriteLine($"public {type} {property.Identifier} {{ get => {members.Field(property)}; init => ({members.Field(property)}, {members.SetFlag(property)}) = (value, true); }}");
        }

        writer.CloseBlock();
    }

    /// <summary>The record's second part: the optional properties' state and the JSON code that uses it.</summary>
    private static void WriteJsonPart(SourceWriter writer, SchemaSpec schema, RecordMembers members, EmitOptions options, TypeCode types)
    {
        writer.OpenBlock($"partial record {schema.TypeName}");
        foreach (PropertySpec property in schema.Properties)
        {
            writer.WriteLine($"private static readonly {Json}::JsonEncodedText {members.NameField(property)} = {Json}::JsonEncodedText.Encode({TypeCode.Literal(property.JsonName)});");
        }

        foreach (PropertySpec property in schema.Properties.Where(p => !p.IsRequired))
        {
            writer.WriteLine($"private {types.TypeName(property.Type, nullable: true)} {members.Field(property)};");
            writer.WriteLine($"private bool {members.SetFlag(property)};");
        }

        if (schema.Properties.Count > 0)
        {
            writer.WriteLine();
        }

        string type = options.Qualify(schema.TypeName);
        WriteReadMethod(writer, schema, members, type, types);
        writer.WriteLine();
        WriteWriteMethod(writer, schema, members, type, types);
        writer.CloseBlock();
    }

    private static void WriteReadMethod(SourceWriter writer, SchemaSpec schema, RecordMembers members, string type, TypeCode types)
    {
        var locals = new NameScope();
        locals.Reserve("reader", "parameter");
        locals.Reserve("property", "local");
        locals.Reserve("ex", "local");
        var valueLocals = new Dictionary<PropertySpec, string>();
        var seenLocals = new Dictionary<PropertySpec, string>();
        foreach (PropertySpec property in schema.Properties)
        {
            valueLocals[property] = ClaimLocal(locals, property.Identifier, property.JsonName);
            seenLocals[property] = ClaimLocal(locals, "Has" + property.Identifier, property.JsonName);
        }

        writer.WriteLine(Hidden);
        writer.OpenBlock($"internal static {type} {ReadMethod}(ref {Json}::Utf8JsonReader reader)");
        writer.WriteLine($"{Runtime}::JsonRead.ExpectStartObject(ref reader);");
        foreach (PropertySpec property in schema.Properties)
        {
            // A required reference starts as default! and is checked by its has-flag below.
            bool needsBang = !property.IsNullableInCSharp && !TypeCode.IsValueType(property.Type);
            writer.WriteLine($"{types.TypeName(property.Type, property.IsNullableInCSharp)} {valueLocals[property]} = default{(needsBang ? "!" : string.Empty)};");
            writer.WriteLine($"bool {seenLocals[property]} = false;");
        }

        writer.WriteLine("string? property = null;");
        writer.OpenBlock("try");
        writer.OpenBlock($"while (reader.Read() && reader.TokenType == {Json}::JsonTokenType.PropertyName)");
        string keyword = "if";
        foreach (PropertySpec property in schema.Properties)
        {
            writer.OpenBlock($"{keyword} (reader.ValueTextEquals({CSharpLiteral.Utf8(property.JsonName)}))");
            writer.WriteLine($"property = {TypeCode.Literal(property.JsonName)};");
            writer.WriteLine("reader.Read();");
            writer.WriteLine($"{valueLocals[property]} = {types.ReadExpression(property.Type, property.IsNullableInCSharp)};");
            writer.WriteLine($"{seenLocals[property]} = true;");
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
        writer.OpenBlock($"catch (__Sys::Exception ex) when (property is not null && {Runtime}::JsonRead.IsReadFailure(ex))");
        writer.WriteLine($"throw {Runtime}::JsonRead.PropertyFailed(ex, property);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{Runtime}::JsonRead.ExpectEndObject(ref reader);");
        foreach (PropertySpec property in schema.Properties.Where(p => p.IsRequired))
        {
            writer.OpenBlock($"if (!{seenLocals[property]})");
            writer.WriteLine($"throw {Runtime}::JsonRead.MissingProperty({TypeCode.Literal(schema.TypeName)}, {TypeCode.Literal(property.JsonName)});");
            writer.CloseBlock();
        }

        writer.WriteLine();
        if (schema.Properties.Count == 0)
        {
            writer.WriteLine($"return new {type}();");
        }
        else
        {
            // Required properties through their init accessors; optional ones straight into their state, as read.
            writer.OpenBlock($"return new {type}");
            foreach (PropertySpec property in schema.Properties)
            {
                if (property.IsRequired)
                {
                    writer.WriteLine($"{property.Identifier} = {valueLocals[property]},");
                }
                else
                {
                    writer.WriteLine($"{members.Field(property)} = {valueLocals[property]},");
                    writer.WriteLine($"{members.SetFlag(property)} = {seenLocals[property]},");
                }
            }

            writer.CloseBlock(";");
        }

        writer.CloseBlock();
    }

    private static void WriteWriteMethod(SourceWriter writer, SchemaSpec schema, RecordMembers members, string type, TypeCode types)
    {
        var locals = new NameScope();
        locals.Reserve("writer", "parameter");
        locals.Reserve("value", "parameter");

        writer.WriteLine(Hidden);
        writer.OpenBlock($"internal static void {WriteMethod}({Json}::Utf8JsonWriter writer, {type} value)");

        // Checked before anything is written, so a bad value leaves no half-written object behind.
        foreach (PropertySpec property in schema.Properties.Where(p => p.IsRequired && !p.IsNullableInCSharp && !TypeCode.IsValueType(p.Type)))
        {
            writer.OpenBlock($"if (value.{property.Identifier} is null)");
            writer.WriteLine($"throw {Runtime}::JsonWrite.RequiredPropertyIsNull({TypeCode.Literal(schema.TypeName)}, {TypeCode.Literal(property.Identifier.TrimStart('@'))});");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("writer.WriteStartObject();");
        foreach (PropertySpec property in schema.Properties)
        {
            string name = members.NameField(property);
            if (property.IsRequired && !property.IsNullableInCSharp)
            {
                types.WriteProperty(writer, property.Type, $"value.{property.Identifier}", name);
                continue;
            }

            // A value is only ever stored by setting the property (or by reading its key), so a non-null value is set.
            string source = property.IsRequired ? $"value.{property.Identifier}" : $"value.{members.Field(property)}";
            string local = ClaimLocal(locals, property.Identifier, property.JsonName);
            string orNull = property.IsRequired ? "else" : $"else if (value.{members.SetFlag(property)})";
            if (TypeCode.SinglePropertyStatement(property.Type, local, name) is { } single)
            {
                writer.WriteLine($"if ({source} is {{ }} {local}) {single}");
                writer.WriteLine($"{orNull} writer.WriteNull({name});");
                continue;
            }

            writer.OpenBlock($"if ({source} is {{ }} {local})");
            types.WriteProperty(writer, property.Type, local, name);
            writer.CloseBlock();
            writer.WriteLine($"{orNull} writer.WriteNull({name});");
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>A camelCase local for <paramref name="identifier"/>, claimed without its <c>@</c> (which does not make a new name).</summary>
    private static string ClaimLocal(NameScope locals, string identifier, string owner) =>
        Identifiers.EscapeKeyword(locals.Claim(Identifiers.ToCamelCase(identifier).TrimStart('@'), owner));

    private static void WriteConverter(SourceWriter writer, SchemaSpec schema, EmitOptions options)
    {
        string type = options.Qualify(schema.TypeName);
        writer.WriteLines($$"""
            /// <summary>Reads and writes <see cref="{{type}}"/> as JSON, without reflection.</summary>
            {{Header.GeneratedCodeAttribute}}
            internal sealed class {{schema.TypeName}}JsonConverter : {{Json}}::Serialization.JsonConverter<{{type}}>
            {
                public override {{type}} Read(ref {{Json}}::Utf8JsonReader reader, __Sys::Type typeToConvert, {{Json}}::JsonSerializerOptions options) => ReadValue(ref reader);

                public override void Write({{Json}}::Utf8JsonWriter writer, {{type}} value, {{Json}}::JsonSerializerOptions options) => WriteValue(writer, value);

                public static {{type}} ReadValue(ref {{Json}}::Utf8JsonReader reader) => {{type}}.{{ReadMethod}}(ref reader);

                public static void WriteValue({{Json}}::Utf8JsonWriter writer, {{type}} value) => {{type}}.{{WriteMethod}}(writer, value);
            }
            """);
    }

    /// <summary>
    /// The private members a record declares for its JSON code, named in the record's own scope so that they never
    /// take a property's name: <c>_assignee</c> and <c>_assigneeIsSet</c> behind property <c>Assignee</c>.
    /// </summary>
    private sealed class RecordMembers
    {
        private readonly Dictionary<PropertySpec, (string Name, string Field, string SetFlag)> _names = new();

        public RecordMembers(SchemaSpec schema)
        {
            var scope = new NameScope();
            scope.Reserve(schema.TypeName, "the type");
            scope.Reserve(ReadMethod, "the type");
            scope.Reserve(WriteMethod, "the type");
            foreach (PropertySpec property in schema.Properties)
            {
                scope.Reserve(property.Identifier.TrimStart('@'), "a property");
            }

            foreach (PropertySpec property in schema.Properties)
            {
                string stem = Identifiers.ToCamelCase(property.Identifier).TrimStart('@');
                string name = scope.Claim("s_" + stem + "Name", property.JsonName);
                string field = property.IsRequired ? string.Empty : scope.Claim("_" + stem, property.JsonName);
                string setFlag = property.IsRequired ? string.Empty : scope.Claim("_" + stem + "IsSet", property.JsonName);
                _names[property] = (name, field, setFlag);
            }
        }

        public string NameField(PropertySpec property) => _names[property].Name;

        public string Field(PropertySpec property) => _names[property].Field;

        public string SetFlag(PropertySpec property) => _names[property].SetFlag;
    }
}
