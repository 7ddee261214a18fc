using System;
using System.Buffers;
using System.Text.Json;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Keeps one <see cref="Utf8JsonWriter"/> per thread so that writing a request body allocates no writer.</summary>
internal static class Utf8JsonWriterCache
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Gets a writer over <paramref name="output"/>; give it back with <see cref="Return"/>.</summary>
    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        Utf8JsonWriter? writer = t_writer;
        if (writer is null)
        {
            return new Utf8JsonWriter(output);
        }

        // Taken out of the slot so that a nested rent on this thread gets a writer of its own.
        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    /// <summary>Gives a writer back to the cache; it is reset on its next rent.</summary>
    public static void Return(Utf8JsonWriter writer) => t_writer = writer;
}
