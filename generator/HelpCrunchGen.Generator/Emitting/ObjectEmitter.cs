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

    /// <summary>Member names the JSON code holds (ReadJson stays reserved so that property names do not change); properties avoid them.</summary>
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
        for (int i = 0; i < schema.Properties.Count; i++)
        {
            PropertySpec property = schema.Properties[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            WritePropertySummary(writer, property.Description);
            DocComments.WriteDeprecation(writer, property);
            string type = types.TypeName(property.Type, property.IsNullableInCSharp);
            if (property.IsRequired)
            {
                writer.WriteLine($"public required {type} {property.Identifier} {{ get; init; }}");
                continue;
            }

            // An optional property remembers that it was set, so that "not set" (omitted) differs from null (sent).
            writer.WriteLine($"public {type} {property.Identifier} {{ get => {members.Field(property)}; init {{ {members.Field(property)} = value; {members.SetWord(i)} |= {Bit(i)}; }} }}");
        }

        writer.CloseBlock();
    }

    /// <summary>A one-line description stays on one line: a record of many properties is mostly its documentation.</summary>
    private static void WritePropertySummary(SourceWriter writer, string? description)
    {
        if (description is { Length: > 0 } text && text.IndexOfAny(['\r', '\n', '\u0085', '\u2028', '\u2029']) < 0 && text.Trim().Length > 0)
        {
            writer.WriteLine($"/// <summary>{DocComments.Inline(text)}</summary>");
            return;
        }

        DocComments.WriteSummary(writer, description);
    }

    /// <summary>The record's second part: the optional properties' state and the JSON code that uses it.</summary>
    private static void WriteJsonPart(SourceWriter writer, SchemaSpec schema, RecordMembers members, EmitOptions options, TypeCode types)
    {
        writer.OpenBlock($"partial record {schema.TypeName}");
        if (schema.Properties.Count > 0)
        {
            // Bit i of a presence word and entry i of the name table are property i.
            string names = string.Join(", ", schema.Properties.Select(p => TypeCode.Literal(p.JsonName)));
            writer.WriteLine($"private static readonly {Json}::JsonEncodedText[] {members.Names} = {Runtime}::JsonWrite.Names({names});");
        }

        foreach (PropertySpec property in schema.Properties.Where(p => !p.IsRequired))
        {
            writer.WriteLine($"private {types.TypeName(property.Type, nullable: true)} {members.Field(property)};");
        }

        foreach (int word in members.OptionalWords)
        {
            writer.WriteLine($"private ulong {members.SetWord(word * 64)};");
        }

        writer.WriteLine();
        writer.WriteLine($"public {schema.TypeName}() {{ }} // the reading constructor would otherwise remove it");
        writer.WriteLine();
        string type = options.Qualify(schema.TypeName);
        WriteReadMethod(writer, schema, members, type, types);
        writer.WriteLine();
        WriteWriteMethod(writer, schema, members, type, types);
        writer.CloseBlock();
    }

    /// <summary>
    /// Reading is a constructor: each branch of the name dispatch stores straight into the new record, and one mask
    /// comparison per 64 properties checks the required ones.
    /// </summary>
    private static void WriteReadMethod(SourceWriter writer, SchemaSpec schema, RecordMembers members, string type, TypeCode types)
    {
        int count = schema.Properties.Count;
        int words = (count + 63) / 64;
        if (schema.Properties.Any(p => p.IsRequired))
        {
            writer.WriteLine("[__Sys::Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        }

        // The loop assigns the required properties, as the mask check proves; the compiler cannot see that. Only
        // constructors raise CS8618, and this is the file's last one.
        writer.WriteLine("#pragma warning disable CS8618");
        writer.WriteLine(Hidden);
        writer.OpenBlock($"internal {schema.TypeName}(ref {Json}::Utf8JsonReader reader)");
        writer.WriteLine($"{Runtime}::JsonRead.ExpectStartObject(ref reader);");
        if (count == 0)
        {
            writer.WriteLine($"while (reader.Read() && reader.TokenType == {Json}::JsonTokenType.PropertyName) {{ reader.Read(); reader.Skip(); }}");
            writer.WriteLine($"{Runtime}::JsonRead.ExpectEndObject(ref reader);");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine($"ulong {string.Join(" = 0, ", Enumerable.Range(0, words).Select(Word))} = 0;");
        writer.WriteLine("int p = -1;");
        writer.OpenBlock("try");
        writer.OpenBlock($"while (reader.Read() && reader.TokenType == {Json}::JsonTokenType.PropertyName)");
        for (int i = 0; i < count; i++)
        {
            PropertySpec property = schema.Properties[i];
            string target = property.IsRequired ? property.Identifier : members.Field(property);
            string read = types.ReadExpression(property.Type, property.IsNullableInCSharp, targetTyped: true);
            writer.WriteLine($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharpLiteral.Utf8(property.JsonName)})) {{ p = {i}; reader.Read(); {target} = {read}; }}");
        }

        writer.WriteLine("else { reader.Read(); reader.Skip(); continue; }");
        writer.WriteLine(words == 1
            ? "set0 |= 1UL << p;"
            : $"switch (p >> 6) {{ {string.Concat(Enumerable.Range(0, words).Select(w => $"case {w}: {Word(w)} |= 1UL << p; break; "))}}}");
        writer.WriteLine("p = -1;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine($"catch (__Sys::Exception ex) when (p >= 0 && {Runtime}::JsonRead.IsReadFailure(ex)) {{ throw {Runtime}::JsonRead.PropertyFailed(ex, {members.Names}, p); }}");
        writer.WriteLine();
        writer.WriteLine($"{Runtime}::JsonRead.ExpectEndObject(ref reader);");
        for (int w = 0; w < words; w++)
        {
            ulong required = Mask(schema, w, required: true);
            if (required != 0)
            {
                string mask = Hex(required);
                writer.WriteLine($"if (({Word(w)} & {mask}) != {mask}) throw {Runtime}::JsonRead.MissingProperty({TypeCode.Literal(schema.TypeName)}, {members.Names}, {w * 64}, {mask} & ~{Word(w)});");
            }
        }

        foreach (int w in members.OptionalWords)
        {
            writer.WriteLine(Mask(schema, w, required: true) == 0
                ? $"{members.SetWord(w * 64)} = {Word(w)};"
                : $"{members.SetWord(w * 64)} = {Word(w)} & {Hex(Mask(schema, w, required: false))};");
        }

        writer.CloseBlock();

        static string Word(int w) => "set" + w;
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
            writer.WriteLine($"if (value.{property.Identifier} is null) throw {Runtime}::JsonWrite.RequiredPropertyIsNull({TypeCode.Literal(schema.TypeName)}, {TypeCode.Literal(property.Identifier.TrimStart('@'))});");
        }

        writer.WriteLine("writer.WriteStartObject();");
        for (int i = 0; i < schema.Properties.Count; i++)
        {
            PropertySpec property = schema.Properties[i];
            string name = $"{members.Names}[{i}]";
            if (property.IsRequired && !property.IsNullableInCSharp)
            {
                writer.WriteLine(PropertyStatements(types, property.Type, $"value.{property.Identifier}", name));
                continue;
            }

            // A value is only ever stored by setting the property (or by reading its key), so a non-null value is set.
            string source = property.IsRequired ? $"value.{property.Identifier}" : $"value.{members.Field(property)}";
            string local = ClaimLocal(locals, property.Identifier, property.JsonName);
            string orNull = property.IsRequired ? "else" : $"else if ((value.{members.SetWord(i)} & {Bit(i)}) != 0)";
            string statements = PropertyStatements(types, property.Type, local, name);
            string then = statements.IndexOf(';') == statements.Length - 1 ? statements : $"{{ {statements} }}";
            writer.WriteLine($"if ({source} is {{ }} {local}) {then} {orNull} writer.WriteNull({name});");
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>The statements (one line) writing property <paramref name="name"/> with the non-null <paramref name="value"/>.</summary>
    private static string PropertyStatements(TypeCode types, TypeSpec type, string value, string name) =>
        TypeCode.SinglePropertyStatement(type, value, name) ?? $"writer.WritePropertyName({name}); {types.WriteStatement(type, value)}";

    private static string Bit(int index) => $"1UL << {index % 64}";

    private static string Hex(ulong mask) => "0x" + mask.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL";

    /// <summary>The bits of presence word <paramref name="word"/> that belong to required (or optional) properties.</summary>
    private static ulong Mask(SchemaSpec schema, int word, bool required)
    {
        ulong mask = 0;
        for (int i = word * 64; i < schema.Properties.Count && i < (word + 1) * 64; i++)
        {
            if (schema.Properties[i].IsRequired == required)
            {
                mask |= 1UL << (i % 64);
            }
        }

        return mask;
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

                public static {{type}} ReadValue(ref {{Json}}::Utf8JsonReader reader) => new(ref reader);

                public static void WriteValue({{Json}}::Utf8JsonWriter writer, {{type}} value) => {{type}}.{{WriteMethod}}(writer, value);
            }
            """);
    }

    /// <summary>
    /// The private members a record declares for its JSON code, named in the record's own scope so that they never
    /// take a property's name: <c>_assignee</c> behind property <c>Assignee</c>, the name table <c>s_names</c>, and
    /// <c>_set0</c>, the presence bits of properties 0 to 63 (only words that hold an optional property exist).
    /// </summary>
    private sealed class RecordMembers
    {
        private readonly Dictionary<PropertySpec, string> _fields = new();
        private readonly List<string> _setWords = new();

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

            Names = scope.Claim("s_names", "the name table");
            for (int word = 0; word * 64 < schema.Properties.Count; word++)
            {
                _setWords.Add(scope.Claim("_set" + word, "the presence bits"));
            }

            foreach (PropertySpec property in schema.Properties.Where(p => !p.IsRequired))
            {
                _fields[property] = scope.Claim("_" + Identifiers.ToCamelCase(property.Identifier).TrimStart('@'), property.JsonName);
            }

            OptionalWords = Enumerable.Range(0, _setWords.Count)
                .Where(w => schema.Properties.Skip(w * 64).Take(64).Any(p => !p.IsRequired))
                .ToList();
        }

        public string Names { get; }

        /// <summary>The presence words that hold at least one optional property (the others are never declared).</summary>
        public IReadOnlyList<int> OptionalWords { get; }

        public string Field(PropertySpec property) => _fields[property];

        /// <summary>The presence word holding the bit of property <paramref name="index"/>.</summary>
        public string SetWord(int index) => _setWords[index / 64];
    }
}
