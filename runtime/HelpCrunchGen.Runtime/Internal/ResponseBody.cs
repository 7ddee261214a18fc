using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>A response body read into a pooled buffer; dispose it exactly once.</summary>
internal readonly struct ResponseBody : IDisposable
{
    private const int UnknownLengthInitialCapacity = 4096;

    // A Content-Length above this is not trusted for the first allocation; the buffer grows if the body is really that long.
    private const int MaxInitialCapacity = 1024 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly byte[]? _buffer;
    private readonly int _length;

    private ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>Gets the body without any UTF-8 byte order mark, which <see cref="System.Text.Json.Utf8JsonReader"/> rejects.</summary>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            ReadOnlySpan<byte> span = new(_buffer, 0, _length);
            return span.StartsWith(Utf8Bom) ? span.Slice(Utf8Bom.Length) : span;
        }
    }

    /// <summary>
    /// Reads at most <paramref name="maxLength"/> bytes of <paramref name="content"/>, trusting its Content-Length
    /// (when known) for the buffer size and for where the body ends.
    /// </summary>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent? content, int maxLength, CancellationToken cancellationToken)
    {
        long? declaredLength = content?.Headers.ContentLength;
        if (content is null || declaredLength == 0)
        {
            return default;
        }

        int capacity = (int)Math.Min(declaredLength ?? UnknownLengthInitialCapacity, Math.Min(maxLength, MaxInitialCapacity));

#if NET
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
        int length = 0;
        try
        {
            using (stream)
            {
                while (length < maxLength && length != declaredLength)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length, maxLength);
                    }

                    int count = Math.Min(buffer.Length, maxLength) - length;
#if NET
                    int read = await stream.ReadAsync(buffer.AsMemory(length, count), cancellationToken).ConfigureAwait(false);
#else
                    int read = await stream.ReadAsync(buffer, length, count, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }
        }
        catch
        {
            ReturnToPool(buffer, length);
            throw;
        }

        return new ResponseBody(buffer, length);
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer is not null)
        {
            ReturnToPool(_buffer, _length);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int maxLength)
    {
        byte[] newBuffer = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxLength));
        Buffer.BlockCopy(buffer, 0, newBuffer, 0, length);
        ReturnToPool(buffer, length);
        return newBuffer;
    }

    // Response bodies may hold personal data; clear them before another renter can see them.
    private static void ReturnToPool(byte[] buffer, int usedLength)
    {
        buffer.AsSpan(0, usedLength).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
