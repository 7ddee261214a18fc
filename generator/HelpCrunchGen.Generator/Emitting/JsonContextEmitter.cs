using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>
/// Emits the JSON context: an <c>IJsonTypeInfoResolver</c> over the generated converters, so System.Text.Json
/// works with the generated types without reflection (trim- and NativeAOT-safe). Each schema's file adds its own
/// typed accessor to the partial class, so this file depends only on the list of type names.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Json = Header.JsonAlias;
    private const string Metadata = "__Json::Serialization.Metadata";
    private const string Runtime = Header.RuntimeAlias;

    /// <summary>The members the context declares, which no schema's accessor may take.</summary>
    public static readonly string[] Members = ["Default", "Options", "GetTypeInfo", "CreateTypeInfo", "GetCollectionTypeInfo"];

    public static string Emit(EquatableArray<string> typeNames, EmitOptions options)
    {
        SourceWriter writer = Header.Start(options);
        string context = options.Qualify(options.ContextName);
        writer.WriteLines($$"""
            /// <summary>
            /// System.Text.Json metadata for the generated types, without reflection:
            /// <c>JsonSerializer.Serialize(value, {{options.ContextName}}.Default.TypeName)</c>, or set it as
            /// <see cref="{{Json}}::JsonSerializerOptions.TypeInfoResolver"/>.
            /// </summary>
            {{Header.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock($"public sealed partial class {options.ContextName} : {Metadata}.IJsonTypeInfoResolver");
        writer.WriteLines($$"""
            /// <summary>The shared instance, bound to its own <see cref="Options"/>.</summary>
            public static {{context}} Default { get; } = new {{context}}();

            /// <summary>Creates a context with its own default options.</summary>
            public {{options.ContextName}}() => Options = new {{Json}}::JsonSerializerOptions { TypeInfoResolver = this };

            /// <summary>The options the typed accessors are bound to.</summary>
            public {{Json}}::JsonSerializerOptions Options { get; }

            /// <inheritdoc/>
            """);
        writer.OpenBlock($"public {Metadata}.JsonTypeInfo? GetTypeInfo(__Sys::Type type, {Json}::JsonSerializerOptions options)");
        foreach (string typeName in typeNames)
        {
            string type = options.Qualify(typeName);
            writer.OpenBlock($"if (type == typeof({type}))");
            writer.WriteLine($"return CreateTypeInfo(options, new {type}JsonConverter());");
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine("return GetCollectionTypeInfo(type, options);");
        writer.CloseBlock();
        writer.WriteLine();
        WriteCollectionTypeInfo(writer, typeNames, options);
        writer.WriteLine();
        writer.WriteLine($"private static {Metadata}.JsonTypeInfo<T> CreateTypeInfo<T>({Json}::JsonSerializerOptions options, {Json}::Serialization.JsonConverter<T> converter) =>");
        writer.WriteLine($"    {Metadata}.JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>Lists, arrays and read-only lists of the generated types, found by their item type: no reflection.</summary>
    private static void WriteCollectionTypeInfo(SourceWriter writer, EquatableArray<string> typeNames, EmitOptions options)
    {
        writer.OpenBlock($"private static {Metadata}.JsonTypeInfo? GetCollectionTypeInfo(__Sys::Type type, {Json}::JsonSerializerOptions options)");
        writer.WriteLine($"__Sys::Type? item = {Runtime}::JsonCollections.ItemType(type);");
        writer.OpenBlock("if (item is null)");
        writer.WriteLine("return null;");
        writer.CloseBlock();
        writer.WriteLine();
        foreach (string typeName in typeNames)
        {
            string type = options.Qualify(typeName);
            writer.OpenBlock($"if (item == typeof({type}))");
            writer.WriteLine($"return {Runtime}::JsonCollections.TypeInfo<{type}>(type, options, {type}JsonConverter.ReadValue, {type}JsonConverter.WriteValue);");
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine("return null;");
        writer.CloseBlock();
    }

    /// <summary>The typed accessor a schema's own file adds to the context.</summary>
    public static void WriteAccessor(SourceWriter writer, string typeName, string accessorName, EmitOptions options)
    {
        string type = options.Qualify(typeName);
        writer.OpenBlock($"partial class {options.ContextName}");
        writer.WriteLine($"private {Metadata}.JsonTypeInfo<{type}>? _{accessorName};");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>JSON metadata for <see cref=\"{type}\"/>.</summary>");
        writer.WriteLine($"public {Metadata}.JsonTypeInfo<{type}> {accessorName} => _{accessorName} ??= CreateTypeInfo(Options, new {type}JsonConverter());");
        writer.CloseBlock();
    }
}
