using System.Collections.Immutable;
using HelpCrunchGen.Extensions;
using Microsoft.CodeAnalysis;

namespace HelpCrunchGen.Generator.Tests;

/// <summary>Add&lt;ClientName&gt; is emitted exactly when the compilation references HelpCrunchGen.Extensions.</summary>
public sealed class ServiceCollectionEmitterTests
{
    private const string HintName = "api.ShopClient.ServiceCollection.g.cs";

    [Fact]
    public void Without_the_companion_library_nothing_is_emitted()
    {
        var harness = GeneratorHarness.ForSpec(Specs.TwoSchemas);

        harness.Run();

        Assert.DoesNotContain(harness.GeneratedFiles.Keys, name => name.Contains("ServiceCollection", StringComparison.Ordinal));
        Assert.Empty(harness.CompileDiagnostics());
    }

    [Fact]
    public void With_the_companion_library_both_overloads_are_emitted_and_compile_cleanly()
    {
        GeneratorHarness harness = WithCompanion();

        harness.Run();

        string source = Assert.Contains(HintName, harness.GeneratedFiles);
        Assert.Contains("public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddShopClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::HelpCrunchGen.Runtime.ApiClientOptions> configureOptions)", source);
        Assert.Contains("AddShopClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration configuration)", source);
        Assert.Contains("ApiClientRegistration.Add<__Api::IShopClient, __Api::ShopClient>(services, \"ShopClient\"", source);
        Assert.Empty(harness.CompileDiagnostics());
    }

    [Fact]
    public void The_method_follows_the_client_name()
    {
        GeneratorHarness harness = WithCompanion(spec: false);
        harness.AddSpec(GeneratorHarness.SpecPath, Specs.TwoSchemas, new Dictionary<string, string> { ["HelpCrunchGenClientName"] = "FooClient" });

        harness.Run();

        string source = Assert.Contains("api.FooClient.ServiceCollection.g.cs", harness.GeneratedFiles);
        Assert.Contains(" AddFooClient(this ", source);
        Assert.Empty(harness.CompileDiagnostics());
    }

    [Fact]
    public void Editing_an_operation_or_code_does_not_re_emit_the_registration()
    {
        GeneratorHarness harness = WithCompanion();
        harness.Run();

        harness.EditSpec(GeneratorHarness.SpecPath, Specs.TwoSchemas.Replace("description: The order.", "description: The order, as stored."));
        harness.AddCSharp("namespace Consumer { internal static class Unrelated { } }");
        GeneratorRunResult run = harness.Run().Results.Single();

        var outputs = run.TrackedSteps[TrackingNames.ServiceCollection].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"the registration step ran again: {output.Reason}"));
        Assert.All(run.TrackedSteps[TrackingNames.Companion].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    private static GeneratorHarness WithCompanion(bool spec = true)
    {
        var harness = new GeneratorHarness(references: CompanionReferences());
        if (spec)
        {
            harness.AddSpec(GeneratorHarness.SpecPath, Specs.TwoSchemas);
        }

        return harness;
    }

    // The platform, the runtime, the companion and the Microsoft.Extensions assemblies it exposes in its API.
    private static ImmutableArray<MetadataReference> CompanionReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        string[] names = ["System.", "netstandard.dll", "Microsoft.Extensions.DependencyInjection.Abstractions.dll", "Microsoft.Extensions.Http.dll", "Microsoft.Extensions.Configuration.Abstractions.dll", "Microsoft.Extensions.Options.dll", "Microsoft.Extensions.Primitives.dll"];
        IEnumerable<string> platform = trusted.Split(Path.PathSeparator)
            .Where(path => names.Any(name => Path.GetFileName(path).StartsWith(name, StringComparison.Ordinal)));
        return platform
            .Append(typeof(HelpCrunchGen.Runtime.ApiConnection).Assembly.Location)
            .Append(typeof(ApiClientRegistration).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
