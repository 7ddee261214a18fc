using System;
using System.Net;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Checks that a base address is safe to send an API key to.</summary>
internal static class BaseAddressValidator
{
    /// <summary>
    /// Throws unless <paramref name="address"/> is an absolute https address (or http to a loopback host)
    /// without user info, query or fragment.
    /// </summary>
    public static void ThrowIfInvalid(Uri address, string paramName)
    {
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address '{address}' must be an absolute URI.", paramName);
        }

        // Checked first, and the address left out of the message, because user info may hold a password.
        if (address.UserInfo.Length != 0)
        {
            throw new ArgumentException("The base address must not contain user info; set the API key instead.", paramName);
        }

        bool secure = address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopback(address));
        if (!secure)
        {
            throw new ArgumentException(
                $"The base address '{address}' must use https; http is allowed only for loopback hosts (localhost, 127.0.0.0/8, [::1]).",
                paramName);
        }

        if (address.Query.Length != 0 || address.Fragment.Length != 0)
        {
            throw new ArgumentException($"The base address '{address}' must not contain a query or fragment.", paramName);
        }
    }

    private static bool IsLoopback(Uri address) => address.HostNameType switch
    {
        UriHostNameType.IPv4 or UriHostNameType.IPv6 =>
            IPAddress.TryParse(address.DnsSafeHost, out IPAddress? ip) && IPAddress.IsLoopback(ip),
        UriHostNameType.Dns => string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
