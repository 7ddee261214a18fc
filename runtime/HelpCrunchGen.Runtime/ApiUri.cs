using System;
using System.Globalization;
using System.Text;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// Formats path, query and header values the way generated clients send them:
/// culture-invariant text, escaped as RFC 3986 data.
/// </summary>
public static class ApiUri
{
    /// <summary>
    /// Escapes a path parameter value for use as a path segment (RFC 3986; only unreserved characters are left as they are).
    /// </summary>
    /// <remarks>
    /// <c>.</c> and <c>..</c> are refused: they are unreserved, so they stay as they are, and <see cref="Uri"/> removes
    /// dot segments (even percent-encoded ones, <c>%2E%2E</c>), so <c>customers/..</c> would be sent to the parent
    /// resource. The empty string is refused too: <c>customers/</c> names the collection, not a customer.
    /// </remarks>
    /// <param name="value">The value to escape.</param>
    /// <returns>The escaped value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, <c>.</c> or <c>..</c>.</exception>
    public static string Escape(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        // Length first: a normal value costs one comparison and allocates nothing here.
        if (value.Length <= 2 && IsEmptyOrDotSegment(value))
        {
            throw new ArgumentException(
                $"A path parameter value must not be empty, '.' or '..' (it was '{value}'): the request would go to another resource.",
                nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// Formats a string value; the value itself, unescaped.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Format(string value) => value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>
    /// Formats a 64-bit integer with the invariant culture, unescaped.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The formatted value, e.g. <c>-42</c>.</returns>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a 32-bit integer with the invariant culture, unescaped.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The formatted value, e.g. <c>-42</c>.</returns>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a double with the invariant culture in its shortest round-trippable form, unescaped.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The formatted value, e.g. <c>1.5</c>.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a float with the invariant culture in its shortest round-trippable form, unescaped.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The formatted value, e.g. <c>1.5</c>.</returns>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a decimal with the invariant culture, unescaped.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The formatted value, e.g. <c>1.50</c>.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a Boolean as JSON does.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns><c>true</c> or <c>false</c>.</returns>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>
    /// Formats a GUID as 32 hexadecimal digits separated by hyphens (format <c>D</c>).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The formatted value, e.g. <c>00000000-0000-0000-0000-000000000000</c>.</returns>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>
    /// Formats a date and time as ISO 8601 (round-trip format <c>O</c>), unescaped.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The formatted value, e.g. <c>2024-05-01T12:30:00.0000000+00:00</c>.</returns>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a JSON value of several possible kinds (a scalar union) for a path, query or header: a string as its
    /// text, without quotes; a number, boolean, array or object as its JSON text.
    /// </summary>
    /// <exception cref="ArgumentException">The value is <c>default</c> (it holds no JSON value).</exception>
    public static string Format(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => value.GetString()!,
        System.Text.Json.JsonValueKind.Undefined => throw new ArgumentException("The value holds no JSON value.", nameof(value)),
        _ => value.GetRawText(),
    };

    /// <summary>
    /// Appends an escaped <c>name=value</c> pair to a query string, creating the builder on first use.
    /// </summary>
    /// <param name="builder">The query built so far, or <see langword="null"/> if it is still empty.</param>
    /// <param name="name">The unescaped parameter name.</param>
    /// <param name="value">The unescaped, formatted value; nothing is appended when it is <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static void AppendQuery(ref StringBuilder? builder, string name, string? value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is null)
        {
            return;
        }

        builder ??= new StringBuilder(64);
        builder
            .Append(builder.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
    }

    /// <summary>
    /// Appends a query built with <see cref="AppendQuery"/> to a path.
    /// </summary>
    /// <param name="path">The escaped path.</param>
    /// <param name="query">The query, starting with <c>?</c>, or <see langword="null"/> if there is none.</param>
    /// <returns>The path followed by the query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static string WithQuery(string path, StringBuilder? query)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (query is null || query.Length == 0)
        {
            return path;
        }

#if NET
        return string.Create(path.Length + query.Length, (path, query), static (destination, state) =>
        {
            state.path.AsSpan().CopyTo(destination);
            state.query.CopyTo(0, destination.Slice(state.path.Length), state.query.Length);
        });
#else
        return string.Concat(path, query.ToString());
#endif
    }

    private static bool IsEmptyOrDotSegment(string value) =>
        value.Length == 0 || (value[0] == '.' && (value.Length == 1 || value[1] == '.'));
}
