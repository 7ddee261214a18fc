using System;

namespace HelpCrunchGen.Runtime;

/// <summary>Options for a generated client.</summary>
/// <remarks>
/// A client reads the options once, when it is created; changing them afterwards does not affect existing clients.
/// </remarks>
public sealed class ApiClientOptions
{
    private string? _apiKey;

    /// <summary>
    /// Gets or sets the address that relative operation paths are resolved against, or <see langword="null"/> to use
    /// the <see cref="System.Net.Http.HttpClient.BaseAddress"/> of the client's HttpClient, if set, else the default server
    /// of the API description.
    /// </summary>
    /// <remarks>
    /// The address must be absolute and use https, except for loopback hosts
    /// (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>), which may use http; it must not contain user info,
    /// a query or a fragment. Its path is kept whether or not it ends with <c>/</c>.
    /// </remarks>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the API key sent as <c>Authorization: Bearer &lt;key&gt;</c>,
    /// or <see langword="null"/> to send no <c>Authorization</c> header.
    /// </summary>
    /// <exception cref="ArgumentException">The value contains a control character such as CR or LF.</exception>
    public string? ApiKey
    {
        get => _apiKey;
        set
        {
            // CR or LF would let the key inject header lines; the message never contains the key.
            foreach (char c in value ?? string.Empty)
            {
                if (char.IsControl(c))
                {
                    throw new ArgumentException("The API key must not contain control characters such as CR or LF.", nameof(value));
                }
            }

            _apiKey = value;
        }
    }

    /// <summary>Returns a description of the options that never contains the API key.</summary>
    /// <returns>The base address and whether an API key is set.</returns>
    public override string ToString() =>
        $"BaseAddress = {BaseAddress?.ToString() ?? "<default>"}, ApiKey = {(_apiKey is { Length: > 0 } ? "***" : "<not set>")}";
}
