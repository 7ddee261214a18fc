using System.Diagnostics;
using System.Globalization;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Benchmarks.GeneratorCost;

/// <summary>
/// The generator's first run as a user pays it: a fresh <c>csc</c> process of the installed SDK (ReadyToRun Roslyn, no
/// compiler server) compiles a one-line program with our generator and the spec, and reports each generator's time
/// (<c>-reportanalyzer</c>). The same compilation runs the System.Text.Json source generator over a one-type context: a
/// generator Microsoft ships, first-run in the same process, as the baseline for the machine's load.
/// </summary>
internal static class CompilerFirstRun
{
    public sealed record Result(double OursMs, double StjMs);

    /// <summary>The median of <paramref name="processes"/> fresh compiler processes, by our time.</summary>
    public static Result Measure(string specPath, int processes)
    {
        Toolchain tools = Toolchain.Find();
        string directory = Directory.CreateTempSubdirectory("hcg-first-run-").FullName;
        try
        {
            WriteInputs(directory, specPath);
            var results = new List<Result>();
            for (int i = 0; i < processes; i++)
            {
                results.Add(Compile(tools, directory, specPath));
            }

            return results.OrderBy(r => r.OursMs).ElementAt(results.Count / 2);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void WriteInputs(string directory, string specPath)
    {
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            [System.Text.Json.Serialization.JsonSerializable(typeof(Probe.Point))]
            internal sealed partial class ProbeContext : System.Text.Json.Serialization.JsonSerializerContext { }

            namespace Probe
            {
                public sealed record Point(int X, int Y);

                public static class Program
                {
                    public static void Main() => System.Console.WriteLine(typeof(HelpCrunch.Sdk.HelpCrunchClient));
                }
            }
            """);
        // What HelpCrunchGen.props makes MSBuild pass for a spec listed as AdditionalFiles.
        File.WriteAllText(Path.Combine(directory, "global.editorconfig"), $"""
            is_global = true
            build_property.RootNamespace = Probe
            build_property.ProjectDir = {directory}/

            [{specPath}]
            build_metadata.AdditionalFiles.HelpCrunchGenNamespace = HelpCrunch.Sdk
            """);
    }

    private static Result Compile(Toolchain tools, string directory, string specPath)
    {
        var start = new ProcessStartInfo(tools.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(tools.Csc);
        foreach (string argument in new[] { "-nologo", "-noconfig", "-langversion:latest", "-nullable:enable", "-t:exe", "-out:probe.dll", "-reportanalyzer", "-nowarn:CS1591" })
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-analyzer:" + typeof(HelpCrunchGen.Generator.HelpCrunchSourceGenerator).Assembly.Location);
        start.ArgumentList.Add("-analyzer:" + typeof(YamlDotNet.RepresentationModel.YamlStream).Assembly.Location);
        start.ArgumentList.Add("-analyzer:" + tools.StjGenerator);
        start.ArgumentList.Add("-additionalfile:" + specPath);
        start.ArgumentList.Add("-analyzerconfig:global.editorconfig");
        start.ArgumentList.Add("-r:" + typeof(ApiConnection).Assembly.Location);
        foreach (string reference in Directory.EnumerateFiles(tools.ReferenceAssemblies, "*.dll"))
        {
            start.ArgumentList.Add("-r:" + reference);
        }

        start.ArgumentList.Add("Program.cs");
        using Process csc = Process.Start(start) ?? throw new InvalidOperationException("Could not start csc.");
        Task<string> error = csc.StandardError.ReadToEndAsync();
        string output = csc.StandardOutput.ReadToEnd();
        csc.WaitForExit();
        if (csc.ExitCode != 0)
        {
            throw new InvalidOperationException($"csc exited with {csc.ExitCode}:\n{output}\n{error.Result}");
        }

        return new Result(GeneratorSeconds(output, "HelpCrunchGen.Generator.HelpCrunchSourceGenerator") * 1000, GeneratorSeconds(output, "System.Text.Json.SourceGeneration.JsonSourceGenerator") * 1000);
    }

    /// <summary>Reads <c>   1.351   92      Namespace.Generator</c> from the -reportanalyzer table.</summary>
    private static double GeneratorSeconds(string report, string generator)
    {
        foreach (string line in report.Split('\n'))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3 && fields[2] == generator)
            {
                return double.Parse(fields[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No time for {generator} in the compiler's report:\n{report}");
    }

    /// <summary>The installed SDK's compiler, reference assemblies and STJ generator, found beside the running dotnet.</summary>
    private sealed record Toolchain(string Dotnet, string Csc, string ReferenceAssemblies, string StjGenerator)
    {
        public static Toolchain Find()
        {
            string dotnet = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet"
                ? self
                : Path.Combine(Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? "/usr/share/dotnet", "dotnet");
            string root = Path.GetDirectoryName(dotnet)!;
            string csc = Newest(Path.Combine(root, "sdk"), sdk => Path.Combine(sdk, "Roslyn", "bincore", "csc.dll"));
            string pack = Newest(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"), p => p);
            string tfm = "net" + Environment.Version.ToString(2);
            return new Toolchain(
                dotnet,
                csc,
                Path.Combine(pack, "ref", tfm),
                Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"));
        }

        private static string Newest(string parent, Func<string, string> pick)
        {
            string? found = Directory.Exists(parent)
                ? Directory.EnumerateDirectories(parent)
                    .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out _))
                    .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                    .Select(pick)
                    .FirstOrDefault(p => File.Exists(p) || Directory.Exists(p))
                : null;
            return found ?? throw new InvalidOperationException("Not found under " + parent);
        }
    }
}
