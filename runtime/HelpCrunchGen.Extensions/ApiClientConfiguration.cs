using System;
using HelpCrunchGen.Runtime;
using Microsoft.Extensions.Configuration;

namespace HelpCrunchGen.Extensions;

/// <summary>Reads <see cref="ApiClientOptions"/> from configuration by hand: no reflection binder, so trim- and AOT-safe.</summary>
internal static class ApiClientConfiguration
{
    public const string ApiKeyKey = "ApiKey";
    public const string BaseAddressKey = "BaseAddress";

    /// <exception cref="ArgumentException">A value is malformed; the message names the key, never the value.</exception>
    public static void Bind(IConfiguration configuration, ApiClientOptions options)
    {
        string? apiKey = configuration[ApiKeyKey];
        if (!string.IsNullOrEmpty(apiKey))
        {
            options.ApiKey = apiKey;
        }

        string? baseAddress = configuration[BaseAddressKey];
        if (!string.IsNullOrWhiteSpace(baseAddress))
        {
            if (!Uri.TryCreate(baseAddress.Trim(), UriKind.Absolute, out Uri? uri))
            {
                throw new ArgumentException($"The configuration value '{Path(configuration, BaseAddressKey)}' is not an absolute URI.");
            }

            options.BaseAddress = uri;
        }
    }

    private static string Path(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ":" + key : key;
}
