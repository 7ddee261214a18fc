namespace HelpCrunchGen.Generator.Emitting;

/// <summary>What every emitted file of one spec shares: where the code goes and what the generated types are called.</summary>
internal sealed record EmitOptions(string Namespace, string ClientName, string ContextName, string HintPrefix)
{
    /// <summary>A fully qualified reference to a generated type.</summary>
    public string Qualify(string typeName) => Namespace.Length == 0 ? "global::" + typeName : $"global::{Namespace}.{typeName}";
}
