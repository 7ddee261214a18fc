using System;
using System.CommandLine;

namespace HelpCrunch.Cli;

/// <summary>The options every API command takes: <c>--json</c> and <c>--base-url</c>.</summary>
internal sealed class ApiOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print the API's JSON instead of text (JSON Lines with --all)." };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = "Call this API root instead, e.g. https://api.example.com/v1 (https; plain http only on loopback). Needs HELPCRUNCH_API_KEY.",
        HelpName = "url",
        CustomParser = Opt.ParseBaseUrl,
    };

    /// <summary><paramref name="command"/> with these options added, for chaining.</summary>
    public Command AddTo(Command command)
    {
        command.Add(Json);
        command.Add(BaseUrl);
        return command;
    }
}
