using System;
using System.Collections.Generic;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// The C# for one <see cref="TypeSpec"/>: its type name and the code that reads and writes a value of it.
/// Collections get small helper methods, collected here and written once per converter.
/// </summary>
internal sealed class TypeCode
{
    private const string Runtime = "global::HelpCrunchGen.Runtime";
    private const string Json = "global::System.Text.Json";

    private readonly EmitOptions _options;
    private readonly SortedDictionary<string, TypeSpec> _readHelpers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, TypeSpec> _writeHelpers = new(StringComparer.Ordinal);

    public TypeCode(EmitOptions options) => _options = options;

    public string TypeName(TypeSpec type, bool nullable) => TypeName(type) + (nullable ? "?" : string.Empty);

    public string TypeName(TypeSpec type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Boolean => "bool",
        TypeKind.DateTime or TypeKind.UnixTime => "global::System.DateTimeOffset",
        TypeKind.Uuid => "global::System.Guid",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => _options.Qualify(type.TypeName!),
        TypeKind.Array => $"global::System.Collections.Generic.IReadOnlyList<{TypeName(type.Element!, type.Element!.IsNullable)}>",
        TypeKind.Map => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {TypeName(type.Element!, type.Element!.IsNullable)}>",
        _ => $"{Json}.JsonElement",
    };

    public static bool IsValueType(TypeSpec type) => type.Kind is not (TypeKind.String or TypeKind.Object or TypeKind.Array or TypeKind.Map);

    /// <summary>An expression reading the value at the reader's current token (null allowed when <paramref name="nullable"/>).</summary>
    public string ReadExpression(TypeSpec type, bool nullable)
    {
        string read = type.Kind switch
        {
            TypeKind.String => $"{Runtime}.JsonRead.String(ref reader)",
            TypeKind.Int32 => $"{Runtime}.JsonRead.Int32(ref reader)",
            TypeKind.Int64 => $"{Runtime}.JsonRead.Int64(ref reader)",
            TypeKind.Single => $"{Runtime}.JsonRead.Single(ref reader)",
            TypeKind.Double => $"{Runtime}.JsonRead.Double(ref reader)",
            TypeKind.Decimal => $"{Runtime}.JsonRead.Decimal(ref reader)",
            TypeKind.Boolean => $"{Runtime}.JsonRead.Boolean(ref reader)",
            TypeKind.DateTime => $"{Runtime}.JsonRead.DateTime(ref reader)",
            TypeKind.UnixTime => $"{Runtime}.JsonRead.UnixTime(ref reader)",
            TypeKind.Uuid => $"{Runtime}.JsonRead.Uuid(ref reader)",
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"{ConverterName(type)}.ReadValue(ref reader)",
            TypeKind.Array or TypeKind.Map => $"{ReadHelper(type)}(ref reader)",
            _ => $"{Runtime}.JsonRead.Any(ref reader)",
        };

        return nullable ? $"reader.TokenType == {Json}.JsonTokenType.Null ? ({TypeName(type)}?)null : {read}" : read;
    }

    /// <summary>Statements writing the non-null value <paramref name="value"/> as property <paramref name="nameField"/> (or as a bare value when null).</summary>
    public string WriteStatement(TypeSpec type, string value, string? nameField)
    {
        string Value(string method) => nameField is null ? $"writer.{method}Value({value});" : $"writer.{method}({nameField}, {value});";
        string PropertyThen(string statement) => nameField is null ? statement : $"writer.WritePropertyName({nameField}); {statement}";

        return type.Kind switch
        {
            TypeKind.String or TypeKind.DateTime or TypeKind.Uuid => Value("WriteString"),
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => Value("WriteNumber"),
            TypeKind.Boolean => Value("WriteBoolean"),
            TypeKind.UnixTime => nameField is null
                ? $"writer.WriteNumberValue({value}.ToUnixTimeSeconds());"
                : $"writer.WriteNumber({nameField}, {value}.ToUnixTimeSeconds());",
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => PropertyThen($"{ConverterName(type)}.WriteValue(writer, {value});"),
            TypeKind.Array or TypeKind.Map => PropertyThen($"{WriteHelper(type)}(writer, {value});"),
            _ => PropertyThen($"{Runtime}.JsonWrite.Any(writer, {value});"),
        };
    }

    public string ConverterName(TypeSpec type) => _options.Qualify(type.TypeName + "JsonConverter");

    /// <summary>Writes the collection helpers that the expressions above referred to.</summary>
    public void WriteHelpers(SourceWriter writer)
    {
        // Helpers may need further helpers (nested collections), so drain until none is left.
        var written = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            KeyValuePair<string, TypeSpec>? next = FirstUnwritten(_readHelpers, written);
            if (next is { } read)
            {
                written.Add(read.Key);
                WriteReadHelper(writer, read.Key, read.Value);
                continue;
            }

            next = FirstUnwritten(_writeHelpers, written);
            if (next is { } write)
            {
                written.Add(write.Key);
                WriteWriteHelper(writer, write.Key, write.Value);
                continue;
            }

            break;
        }
    }

    private static KeyValuePair<string, TypeSpec>? FirstUnwritten(SortedDictionary<string, TypeSpec> helpers, HashSet<string> written)
    {
        foreach (KeyValuePair<string, TypeSpec> helper in helpers)
        {
            if (!written.Contains(helper.Key))
            {
                return helper;
            }
        }

        return null;
    }

    private string ReadHelper(TypeSpec type)
    {
        string name = "Read" + Describe(type);
        _readHelpers[name] = type;
        return name;
    }

    private string WriteHelper(TypeSpec type)
    {
        string name = "Write" + Describe(type);
        _writeHelpers[name] = type;
        return name;
    }

    /// <summary>
    /// A stable method-name fragment: <c>ArrayOf_Agent</c>, <c>MapOfNullableString</c>. Generated types are marked
    /// with a leading <c>_</c>, which built-in kinds never have, so a schema named <c>String</c> gets its own helper.
    /// </summary>
    private static string Describe(TypeSpec type) =>
        (type.IsNullable ? "Nullable" : string.Empty) + type.Kind switch
        {
            TypeKind.Array => "ArrayOf" + Describe(type.Element!),
            TypeKind.Map => "MapOf" + Describe(type.Element!),
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => "_" + type.TypeName!,
            var kind => kind.ToString(),
        };

    private void WriteReadHelper(SourceWriter writer, string name, TypeSpec type)
    {
        TypeSpec element = type.Element!;
        string elementType = TypeName(element, element.IsNullable);
        string read = ReadExpression(element, element.IsNullable);
        writer.WriteLine();
        if (type.Kind == TypeKind.Array)
        {
            writer.OpenBlock($"private static global::System.Collections.Generic.IReadOnlyList<{elementType}> {name}(ref {Json}.Utf8JsonReader reader)");
            writer.WriteLine($"{Runtime}.JsonRead.ExpectStartArray(ref reader);");
            writer.WriteLine($"var items = new global::System.Collections.Generic.List<{elementType}>();");
            writer.OpenBlock("try");
            writer.OpenBlock($"while (reader.Read() && reader.TokenType != {Json}.JsonTokenType.EndArray)");
            writer.WriteLine($"items.Add({read});");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.OpenBlock($"catch (global::System.Exception ex) when ({Runtime}.JsonRead.IsReadFailure(ex))");
            writer.WriteLine($"throw {Runtime}.JsonRead.ItemFailed(ex, items.Count);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return items;");
        }
        else
        {
            writer.OpenBlock($"private static global::System.Collections.Generic.IReadOnlyDictionary<string, {elementType}> {name}(ref {Json}.Utf8JsonReader reader)");
            writer.WriteLine($"{Runtime}.JsonRead.ExpectStartObject(ref reader);");
            writer.WriteLine($"var entries = new global::System.Collections.Generic.Dictionary<string, {elementType}>(global::System.StringComparer.Ordinal);");
            writer.WriteLine("string? key = null;");
            writer.OpenBlock("try");
            writer.OpenBlock($"while (reader.Read() && reader.TokenType == {Json}.JsonTokenType.PropertyName)");
            writer.WriteLine("key = reader.GetString()!;");
            writer.WriteLine("reader.Read();");
            writer.WriteLine($"entries[key] = {read};");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.OpenBlock($"catch (global::System.Exception ex) when (key is not null && {Runtime}.JsonRead.IsReadFailure(ex))");
            writer.WriteLine($"throw {Runtime}.JsonRead.PropertyFailed(ex, key);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return entries;");
        }

        writer.CloseBlock();
    }

    private void WriteWriteHelper(SourceWriter writer, string name, TypeSpec type)
    {
        TypeSpec element = type.Element!;
        string elementType = TypeName(element, element.IsNullable);
        bool isArray = type.Kind == TypeKind.Array;
        string collectionType = isArray
            ? $"global::System.Collections.Generic.IReadOnlyList<{elementType}>"
            : $"global::System.Collections.Generic.IReadOnlyDictionary<string, {elementType}>";
        writer.WriteLine();
        writer.OpenBlock($"private static void {name}({Json}.Utf8JsonWriter writer, {collectionType} values)");
        writer.WriteLine(isArray ? "writer.WriteStartArray();" : "writer.WriteStartObject();");
        writer.OpenBlock(isArray ? "foreach (var item in values)" : "foreach (var entry in values)");
        string item = isArray ? "item" : "entry.Value";
        if (!isArray)
        {
            writer.WriteLine("writer.WritePropertyName(entry.Key);");
        }

        WriteValueOrNull(writer, element, item, nameField: null, writeNull: true);
        writer.CloseBlock();
        writer.WriteLine(isArray ? "writer.WriteEndArray();" : "writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>Writes a possibly-null value: unwraps it, else writes null or nothing.</summary>
    public void WriteValueOrNull(SourceWriter writer, TypeSpec type, string value, string? nameField, bool writeNull, bool canBeNull = true)
    {
        if (!canBeNull)
        {
            writer.WriteLine(WriteStatement(type, value, nameField));
            return;
        }

        string local = "__" + SafeLocal(value);
        writer.OpenBlock($"if ({value} is {{ }} {local})");
        writer.WriteLine(WriteStatement(type, local, nameField));
        writer.CloseBlock();
        if (writeNull)
        {
            writer.OpenBlock("else");
            writer.WriteLine(nameField is null ? "writer.WriteNullValue();" : $"writer.WriteNull({nameField});");
            writer.CloseBlock();
        }
    }

    private static string SafeLocal(string expression)
    {
        int dot = expression.LastIndexOf('.');
        string last = dot >= 0 ? expression.Substring(dot + 1) : expression;
        return last.TrimStart('@');
    }

    /// <summary>A C# string literal for <paramref name="value"/> (quotes and escapes included).</summary>
    public static string Literal(string value) => CSharpLiteral.String(value);
}
