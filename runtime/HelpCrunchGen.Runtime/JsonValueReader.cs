using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// Reads one JSON value; generated clients supply one per response type.
/// </summary>
/// <remarks>
/// As with <see cref="System.Text.Json.Serialization.JsonConverter{T}.Read"/>, the reader is positioned on the
/// value's first token when the delegate is invoked, and the delegate must leave it on the value's last token
/// (the matching <see cref="JsonTokenType.EndObject"/> or <see cref="JsonTokenType.EndArray"/> for containers).
/// Invalid or unexpected JSON should be reported with a <see cref="JsonException"/>.
/// </remarks>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token.</param>
/// <returns>The value read.</returns>
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader);
