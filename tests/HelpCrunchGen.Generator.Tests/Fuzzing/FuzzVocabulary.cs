namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>The hostile names, characters and numbers the mutator draws from.</summary>
internal static class FuzzVocabulary
{
    public static readonly string[] Keywords =
    [
        "class", "namespace", "event", "operator", "this", "base", "int", "string", "object", "null", "true",
        "default", "new", "params", "void", "static", "checked", "fixed", "lock",
        // Contextual keywords: legal identifiers almost everywhere, but not quite everywhere.
        "value", "var", "record", "required", "global", "async", "await", "dynamic", "nameof", "file", "scoped",
        "init", "get", "set", "partial", "where", "when", "with", "field", "_",
    ];

    /// <summary>Locals, parameters and members the emitters write next to spec-derived names.</summary>
    public static readonly string[] EmitterLocals =
    [
        "query", "request", "uri", "item", "body", "cancellationToken", "reader", "writer", "property", "options",
        "value", "entries", "key", "items", "ex", "typeToConvert", "response", "content", "connection", "path",
    ];

    public static readonly string[] TypeNames =
    [
        "ApiException", "ApiConnection", "JsonRead", "ApiClientOptions", "HelpCrunchClient", "HelpCrunchJsonContext",
        "String", "Object", "Task", "Guid", "System", "Int32", "Uri", "DateTimeOffset", "JsonElement", "Global",
        "Nullable", "Exception", "Type", "Attribute",
    ];

    /// <summary>Groups of names that are different in the spec and equal (or nearly) once PascalCased.</summary>
    public static readonly string[][] Collisions =
    [
        ["user_id", "userId", "UserId"],
        ["a-b", "a_b"],
        ["a b", "a.b", "A_B"],
        ["x", "X"],
        ["2fa", "_2fa"],
        ["", "Empty"],
        ["-", "Value"],
        ["id", "Id", "ID"],
        ["get_chat", "getChat"],
    ];

    public static readonly string[] Unicode =
    [
        "\u202E", "\u2066", "\u2067", "\u2069", "\u200B", "\u200D", "\uFEFF", "\u0301", "e\u0301", "\u0336",
        "\U0001F600", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\u2028", "\u2029", "\u0085", "\0", "\u0001",
        "\u001B", "\u007F", "\t", "\u00A0", "\u0130", "\u03A3", "\u00DF", "\u4E2D\u6587", "\u0661\u0662",
        "\uD800", "\uDC00", "\uFFFF",
        // Characters that mean something in the C# the generator writes.
        "\"", "\\", "\"\"\"", "*/", "/*", "</summary>", "<", "&", "{", "}", "#", "//", "\r\n", "\n",
    ];

    public static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999", "-99999999999999999999999", "-0", "0x10", "0o17", "0b101",
        ".inf", "-.inf", ".nan", "1_000", "9223372036854775808", "-9223372036854775809", "4294967296",
        "2147483648", "1.7976931348623157e309", "1e-400", "0.1e1", "+1", "00012", "1.0",
    ];

    public static readonly string[] Operations = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];
}
