using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HelpCrunchGen.Runtime.Internal;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// For generated clients: formats path, query and header values as they are sent (culture-invariant text)
/// and escapes them as RFC 3986 data.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiUri
{
    /// <summary>For generated clients: the wire value of an enum parameter; <c>default</c> has none, and sending <c>?sort=</c> would change the request's meaning.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static string FormatEnum<T>(T value)
        where T : struct, IEquatable<T> =>
        value.Equals(default) ? throw new ArgumentException($"default({typeof(T).Name}) has no wire value; use one of its known values.", nameof(value)) : value.ToString()!;

    /// <summary>
    /// Escapes a path parameter value as a path segment. Refuses the empty string (it names the collection) and
    /// <c>.</c> and <c>..</c>, which <see cref="Uri"/> removes as dot segments (even as <c>%2E%2E</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, <c>.</c> or <c>..</c>.</exception>
    public static string Escape(string value)
    {
        if (Guard.NotNull(value, nameof(value)) is "" or "." or "..")
        {
            throw new ArgumentException(
                $"A path parameter value must not be empty, '.' or '..' (it was '{value}'): the request would go to another resource.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Formats with the invariant culture, e.g. <c>-42</c>.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats with the invariant culture, e.g. <c>-42</c>.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats with the invariant culture, shortest round-trippable, e.g. <c>1.5</c>.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats with the invariant culture, shortest round-trippable, e.g. <c>1.5</c>.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats with the invariant culture, e.g. <c>1.50</c>.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats as JSON does: <c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats as hyphenated hexadecimal digits (format <c>D</c>).</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>Formats as ISO 8601 (round-trip format <c>O</c>).</summary>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a scalar union's value: a string as its text, without quotes; anything else as its JSON text.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c> (it holds no JSON value).</exception>
    public static string Format(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Undefined => throw new ArgumentException("The value holds no JSON value.", nameof(value)),
        _ => value.GetRawText(),
    };

    /// <summary>Appends <c>name=value</c>, escaped, to a query (creating it on first use); nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static void AppendQuery(ref StringBuilder? builder, string name, string? value)
    {
        Guard.NotNull(name, nameof(name));
        if (value is not null)
        {
            builder ??= new StringBuilder(64);
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    /// <summary>The escaped <paramref name="path"/> followed by the query built with <see cref="AppendQuery"/>, if any.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static string WithQuery(string path, StringBuilder? query) =>
        query is null || query.Length == 0 ? Guard.NotNull(path, nameof(path)) : string.Concat(Guard.NotNull(path, nameof(path)), query.ToString());
}
