namespace HelpCrunchGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert how each one ran.</summary>
internal static class TrackingNames
{
    public const string RootNamespace = nameof(RootNamespace);
    public const string LanguageVersion = nameof(LanguageVersion);
    public const string ProjectOptions = nameof(ProjectOptions);
    public const string SpecSources = nameof(SpecSources);
    public const string Parse = nameof(Parse);
    public const string Prepare = nameof(Prepare);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Schemas = nameof(Schemas);
    public const string Client = nameof(Client);
    public const string AsyncStreams = nameof(AsyncStreams);
    public const string JsonContext = nameof(JsonContext);
    public const string Companion = nameof(Companion);
    public const string ServiceCollection = nameof(ServiceCollection);
    public const string Webhooks = nameof(Webhooks);
}
