using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// The C# for one <see cref="TypeSpec"/>: its type name and the code that reads and writes a value of it.
/// Collections are read and written by the runtime's generic helpers, given the item's reader and writer.
/// </summary>
internal sealed class TypeCode
{
    private const string Runtime = Header.RuntimeAlias;
    private const string Json = Header.JsonAlias;

    private readonly EmitOptions _options;

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
        TypeKind.DateTime or TypeKind.UnixTime => "__Sys::DateTimeOffset",
        TypeKind.Uuid => "__Sys::Guid",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => _options.Qualify(type.TypeName!),
        TypeKind.Array => $"__Sys::Collections.Generic.IReadOnlyList<{TypeName(type.Element!, type.Element!.IsNullable)}>",
        TypeKind.Map => $"__Sys::Collections.Generic.IReadOnlyDictionary<string, {TypeName(type.Element!, type.Element!.IsNullable)}>",
        _ => $"{Json}::JsonElement",
    };

    public static bool IsValueType(TypeSpec type) => type.Kind is not (TypeKind.String or TypeKind.Object or TypeKind.Array or TypeKind.Map);

    /// <summary>
    /// An expression reading the value at the current token of <c>reader</c> (null allowed when <paramref name="nullable"/>).
    /// <paramref name="targetTyped"/>: the expression is assigned to a variable of its type, so a built-in value type's null needs no cast.
    /// </summary>
    public string ReadExpression(TypeSpec type, bool nullable, bool targetTyped = false)
    {
        string read = type.Kind switch
        {
            TypeKind.String => $"{Runtime}::JsonRead.String(ref reader)",
            TypeKind.Int32 => $"{Runtime}::JsonRead.Int32(ref reader)",
            TypeKind.Int64 => $"{Runtime}::JsonRead.Int64(ref reader)",
            TypeKind.Single => $"{Runtime}::JsonRead.Single(ref reader)",
            TypeKind.Double => $"{Runtime}::JsonRead.Double(ref reader)",
            TypeKind.Decimal => $"{Runtime}::JsonRead.Decimal(ref reader)",
            TypeKind.Boolean => $"{Runtime}::JsonRead.Boolean(ref reader)",
            TypeKind.DateTime => $"{Runtime}::JsonRead.DateTime(ref reader)",
            TypeKind.UnixTime => $"{Runtime}::JsonRead.UnixTime(ref reader)",
            TypeKind.Uuid => $"{Runtime}::JsonRead.Uuid(ref reader)",
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"{ConverterName(type)}.ReadValue(ref reader)",
            TypeKind.Array when type.AcceptsSingle => $"{Runtime}::JsonRead.ListOrSingle(ref reader, {ReadDelegate(type.Element!)})",
            TypeKind.Array => $"{Runtime}::JsonRead.List(ref reader, {ReadDelegate(type.Element!)})",
            TypeKind.Map when type.Entries is { } entries =>
                $"{Runtime}::JsonRead.MapOrEntries(ref reader, {Literal(entries.KeyName)}, {Literal(entries.ValueName)}, {ReadDelegate(type.Element!)})",
            TypeKind.Map => $"{Runtime}::JsonRead.Map(ref reader, {ReadDelegate(type.Element!)})",
            _ => $"{Runtime}::JsonRead.Any(ref reader)",
        };

        // Bare null only for the built-in value types: with a reference type (or a generated struct, which converts
        // from string) the other branch would give the conditional its own type, and null would go through it.
        bool bareNull = targetTyped && type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal
            or TypeKind.Boolean or TypeKind.DateTime or TypeKind.UnixTime or TypeKind.Uuid;
        string nullValue = bareNull ? "null" : $"({TypeName(type)}?)null";
        return nullable ? $"reader.TokenType == {Json}::JsonTokenType.Null ? {nullValue} : {read}" : read;
    }

    /// <summary>
    /// A <c>JsonValueReader&lt;T&gt;</c> for an item of type <paramref name="item"/>: a method group where one fits
    /// (cached by the compiler), else a static lambda.
    /// </summary>
    public string ReadDelegate(TypeSpec item)
    {
        if (!item.IsNullable)
        {
            string? method = item.Kind switch
            {
                TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"{ConverterName(item)}.ReadValue",
                TypeKind.Array or TypeKind.Map => null,
                var kind => $"{Runtime}::JsonRead.{RuntimeReaderName(kind)}",
            };
            if (method is not null)
            {
                return method;
            }
        }

        return $"static (ref {Json}::Utf8JsonReader reader) => {ReadExpression(item, item.IsNullable)}";
    }

    private static string RuntimeReaderName(TypeKind kind) => kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Single => "Single",
        TypeKind.Double => "Double",
        TypeKind.Decimal => "Decimal",
        TypeKind.Boolean => "Boolean",
        TypeKind.DateTime => "DateTime",
        TypeKind.UnixTime => "UnixTime",
        TypeKind.Uuid => "Uuid",
        _ => "Any",
    };

    /// <summary>An expression (a call) writing the non-null <paramref name="value"/> as a bare JSON value with <c>writer</c>.</summary>
    public string WriteValue(TypeSpec type, string value) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTime or TypeKind.Uuid => $"writer.WriteStringValue({value})",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => $"writer.WriteNumberValue({value})",
        TypeKind.Boolean => $"writer.WriteBooleanValue({value})",
        TypeKind.UnixTime => $"{Runtime}::JsonWrite.UnixTime(writer, {value})",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"{ConverterName(type)}.WriteValue(writer, {value})",
        TypeKind.Array => $"{Runtime}::JsonWrite.List(writer, {value}, {WriteDelegate(type.Element!)})",
        TypeKind.Map when type.Entries is { } entries =>
            $"{Runtime}::JsonWrite.MapEntries(writer, {value}, {Literal(entries.KeyName)}, {Literal(entries.ValueName)}, {WriteDelegate(type.Element!)})",
        TypeKind.Map => $"{Runtime}::JsonWrite.Map(writer, {value}, {WriteDelegate(type.Element!)})",
        _ => $"{Runtime}::JsonWrite.Any(writer, {value})",
    };

    /// <summary>A statement writing the non-null <paramref name="value"/> as a bare JSON value.</summary>
    public string WriteStatement(TypeSpec type, string value) => WriteValue(type, value) + ";";

    /// <summary>
    /// An <c>Action&lt;Utf8JsonWriter, T&gt;</c> for an item of type <paramref name="item"/>. The runtime's collection
    /// writers write null items themselves, so the delegate only sees values.
    /// </summary>
    public string WriteDelegate(TypeSpec item)
    {
        if (item.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union && !item.IsNullable)
        {
            return $"{ConverterName(item)}.WriteValue";
        }

        string value = !item.IsNullable ? "item" : IsValueType(item) ? "item.GetValueOrDefault()" : "item!";
        return $"static (writer, item) => {WriteValue(item, value)}";
    }

    /// <summary>Writes the statements for property <paramref name="nameField"/> with the non-null <paramref name="value"/>.</summary>
    public void WriteProperty(SourceWriter writer, TypeSpec type, string value, string nameField)
    {
        if (SinglePropertyStatement(type, value, nameField) is { } single)
        {
            writer.WriteLine(single);
            return;
        }

        writer.WriteLine($"writer.WritePropertyName({nameField});");
        writer.WriteLine(WriteStatement(type, value));
    }

    /// <summary>The one statement writing property <paramref name="nameField"/> with <paramref name="value"/>, when one call does it.</summary>
    public static string? SinglePropertyStatement(TypeSpec type, string value, string nameField) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTime or TypeKind.Uuid => $"writer.WriteString({nameField}, {value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => $"writer.WriteNumber({nameField}, {value});",
        TypeKind.Boolean => $"writer.WriteBoolean({nameField}, {value});",
        TypeKind.UnixTime => $"{Runtime}::JsonWrite.UnixTime(writer, {nameField}, {value});",
        _ => null,
    };

    public string ConverterName(TypeSpec type) => _options.Qualify(type.TypeName + "JsonConverter");

    /// <summary>A C# string literal for <paramref name="value"/> (quotes and escapes included).</summary>
    public static string Literal(string value) => CSharpLiteral.String(value);
}
