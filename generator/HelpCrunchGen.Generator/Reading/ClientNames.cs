using System;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>The names of the types every spec gets besides its schemas: the client, its interface and the JSON context.</summary>
internal static class ClientNames
{
    private const string ClientSuffix = "Client";

    /// <summary><c>HelpCrunchGenClientName</c>, else <c>info.title</c> + <c>Client</c>.</summary>
    public static string Client(SpecFileOptions options, string title) =>
        options.ClientName ?? Identifiers.ToPascalCase(title) + ClientSuffix;

    public static string Interface(string clientName) => "I" + clientName;

    /// <summary><c>HelpCrunchClient</c> → <c>HelpCrunchJsonContext</c>.</summary>
    public static string Context(string clientName) => Prefix(clientName) + "JsonContext";

    /// <summary><c>HelpCrunchClient</c> → <c>HelpCrunch</c>: the start of the names of the client's companion types.</summary>
    public static string Prefix(string clientName) =>
        clientName.EndsWith(ClientSuffix, StringComparison.Ordinal) && clientName.Length > ClientSuffix.Length
            ? clientName.Substring(0, clientName.Length - ClientSuffix.Length)
            : clientName;
}
