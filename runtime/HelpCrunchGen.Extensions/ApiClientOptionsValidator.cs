using System;
using System.Net.Http;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.Options;

namespace HelpCrunchGen.Extensions;

/// <summary>
/// Validates options with the client constructor's own rules, by running them: the rules live in one place
/// (<see cref="ApiConnection"/>), so start-up validation can never disagree with the constructor.
/// </summary>
internal sealed class ApiClientOptionsValidator : IValidateOptions<ApiClientOptions>
{
    // Never sends: it only satisfies the constructor's argument check.
    private static readonly HttpClient s_unused = new();

    // Stands in for the spec's default server, which is valid by construction; only user-set values are checked.
    private const string AnyValidDefault = "https://localhost/";

    public ValidateOptionsResult Validate(string? name, ApiClientOptions options)
    {
        try
        {
            _ = new ApiConnection(s_unused, options, AnyValidDefault);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
