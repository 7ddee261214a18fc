namespace HelpCrunchGen.Generator.Emitting;

/// <summary>What every emitted file of one spec shares: where the code goes and what the generated types are called.</summary>
/// <param name="SpecPath">The spec file, where a failure while emitting is reported.</param>
internal sealed record EmitOptions(string Namespace, string ClientName, string ContextName, string HintPrefix, string SpecPath)
{
    /// <summary>An unambiguous reference to a generated type, through the namespace alias every file declares.</summary>
    public string Qualify(string typeName) => Namespace.Length == 0 ? "global::" + typeName : $"{Header.ApiAlias}::{typeName}";
}
