namespace HelpCrunchGen.Generator.Model;

// Invariant for every model in this folder: records of strings, numbers, enums, other models and
// EquatableArray only. No ISymbol, SyntaxNode, Location or Compilation, so that equal specs give
// equal models and the incremental pipeline can cache every step by value.

/// <summary>One OpenAPI document, reduced to what the emitters need.</summary>
internal sealed record ApiSpec(
    string Title,
    string ClientName,
    string ContextName,
    string? Description,
    string DefaultServer,
    EquatableArray<SchemaSpec> Schemas,
    EquatableArray<OperationSpec> Operations,
    ErrorCodesSpec? ErrorCodes = null,
    WebhooksSpec? Webhooks = null);

internal enum SchemaKind
{
    Object,
    Enum,
    Union,
}

/// <summary>A type to emit: an object record, an extensible string enum or a union of JSON value kinds.</summary>
internal sealed record SchemaSpec(
    string TypeName,
    SchemaKind Kind,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumMemberSpec> Members)
{
    /// <summary>Enums: the companion C# enum that makes <c>switch</c> work (<c>ChatStatusKind</c>).</summary>
    public string? KindTypeName { get; init; }

    /// <summary>Unions: the C# types a value converts from, besides <c>JsonElement</c>.</summary>
    public UnionConversions Conversions { get; init; }

    /// <summary>
    /// The name of a member the emitted type declares itself (<c>Kind</c>, <c>IsKnown</c>, <c>Element</c>): with a
    /// "Value" suffix in a type of that very name, which C# forbids (CS0542).
    /// </summary>
    public static string OwnMemberName(string typeName, string member) => typeName == member ? member + "Value" : member;
}

internal sealed record PropertySpec(
    string JsonName,
    string Identifier,
    TypeSpec Type,
    bool IsRequired,
    string? Description,
    bool IsDeprecated)
{
    /// <summary>Absent or null on the wire: the C# property is nullable either way.</summary>
    public bool IsNullableInCSharp => Type.IsNullable || !IsRequired;
}

/// <summary>A known enum value; <see cref="Aliases"/> are other spellings of it (<c>x-enum-aliases</c>).</summary>
internal sealed record EnumMemberSpec(string Value, string Identifier, EquatableArray<string> Aliases = default);

/// <summary>The implicit conversions a union offers, one per kind of primitive alternative.</summary>
[System.Flags]
internal enum UnionConversions
{
    None = 0,
    String = 1,
    Int64 = 2,
    Double = 4,
    Boolean = 8,

    /// <summary>From <c>DateTimeOffset</c>, written as Unix seconds (<c>format: unix-time</c>).</summary>
    UnixTime = 16,
}

internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    Boolean,
    DateTime,
    UnixTime,
    Uuid,
    Object,
    Enum,
    Array,
    Map,
    Any,
    Union,
}

/// <summary>
/// A value's type. <see cref="TypeName"/> names the generated type for objects, enums and unions;
/// <see cref="Element"/> is the item type of arrays and the value type of maps.
/// <see cref="AcceptsSingle"/>: an array that may arrive as one bare item (a <c>oneOf</c> of T and array of T).
/// <see cref="Entries"/>: a map written as an array of key/value objects (<c>x-map-entries</c>).
/// </summary>
internal sealed record TypeSpec(
    TypeKind Kind,
    bool IsNullable = false,
    string? TypeName = null,
    TypeSpec? Element = null,
    bool AcceptsSingle = false,
    MapEntries? Entries = null)
{
    public static readonly TypeSpec AnyValue = new(TypeKind.Any);

    public TypeSpec AsNullable() => IsNullable ? this : this with { IsNullable = true };
}

/// <summary>The property names of one entry of a map written as entries: <c>{"key": k, "value": v}</c>.</summary>
internal sealed record MapEntries(string KeyName, string ValueName);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

internal sealed record ParameterSpec(
    string Name,
    string Identifier,
    ParameterLocation Location,
    bool IsRequired,
    TypeSpec Type,
    string? Description);

/// <param name="Description">What the body is, for its parameter's doc comment: never empty.</param>
internal sealed record RequestBodySpec(TypeSpec Type, bool IsRequired, string Description);

/// <summary>One documented response; <see cref="ErrorCodes"/> come from the <c>x-error-codes</c> extension.</summary>
internal sealed record ResponseSpec(
    string StatusCode,
    string? Description,
    TypeSpec? Body,
    EquatableArray<string> ErrorCodes);

/// <summary>How a successful response body becomes the method's result.</summary>
internal enum ResultKind
{
    /// <summary>No result: the method returns <c>Task</c>.</summary>
    None,

    /// <summary>The body is JSON read into <see cref="OperationPlan.ResultType"/>.</summary>
    Json,

    /// <summary>The body is text, returned as a string whatever the response's Content-Type.</summary>
    Text,
}

/// <summary>
/// What the client method does, decided while reading so the emitter only writes it: which statuses are success,
/// what the result is, and whether the operation pages.
/// </summary>
/// <param name="SuccessStatuses">Sorted; 200–299 when the spec lists no 2xx response.</param>
internal sealed record OperationPlan(
    EquatableArray<int> SuccessStatuses,
    ResultKind ResultKind,
    TypeSpec? ResultType,
    EquatableArray<string> Tags,
    PagingPlan? Paging);

/// <summary>Where a paging value goes: a query parameter or a property of the request body.</summary>
internal enum PagingSlotKind
{
    Query,
    Body,
}

/// <param name="Identifier">The C# parameter or property that holds the value.</param>
/// <param name="Type">Its type: <see cref="TypeKind.Int32"/> or <see cref="TypeKind.Int64"/>.</param>
/// <param name="IsNullable">Whether the parameter or property is nullable in C#.</param>
internal sealed record PagingSlot(PagingSlotKind Kind, string Identifier, TypeKind Type, bool IsNullable);

/// <summary>One step of a dotted path into a response: the C# property and whether it may be null.</summary>
internal sealed record PathStep(string Identifier, bool MayBeNull);

/// <summary>The <c>x-paging</c> extension, checked against the operation: enough to write <c>…AllAsync</c>.</summary>
/// <param name="MaxLimit">The largest page the server gives; null when the spec does not say.</param>
/// <param name="Total">Null when the response carries no total.</param>
internal sealed record PagingPlan(
    string MethodName,
    PagingSlot Offset,
    PagingSlot Limit,
    int? MaxLimit,
    EquatableArray<PathStep> Items,
    TypeSpec ItemType,
    EquatableArray<PathStep> Total,
    PagingNames Names);

/// <summary>The locals of an <c>…AllAsync</c> method, claimed in the operation's scope so no parameter shadows them.</summary>
internal sealed record PagingNames(string Requested, string PageSize, string Offset, string Page, string Items, string Total, string Item);

/// <summary>An error code, the name of its constant, and the operations that list it.</summary>
internal sealed record ErrorCodeSpec(string Code, string Identifier, EquatableArray<ErrorCodeUse> UsedBy);

/// <summary>An operation that lists an error code, with the statuses it lists it under.</summary>
internal sealed record ErrorCodeUse(string OperationId, EquatableArray<string> Statuses);

/// <summary>The error-code constants of the whole API, each code once, in one class.</summary>
internal sealed record ErrorCodesSpec(string ClassName, EquatableArray<ErrorCodeSpec> Codes);

/// <summary>
/// One operation. The names the client method declares are decided here, all in one scope, so that spec names
/// never collide with each other or with the method's own parameters.
/// </summary>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? RequestBody,
    EquatableArray<ResponseSpec> Responses,
    MethodNames Names,
    OperationPlan Plan);

/// <summary>The identifiers of the parameters and locals the emitter adds to a client method.</summary>
internal sealed record MethodNames(string Body, string CancellationToken, string Uri, string Query, string Request, string Item);
