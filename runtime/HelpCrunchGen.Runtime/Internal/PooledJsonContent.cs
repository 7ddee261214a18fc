using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>
/// A JSON request body written once through <see cref="IBufferWriter{T}"/> into a pooled buffer,
/// then sent as many times as the handler pipeline needs.
/// </summary>
/// <remarks>
/// The buffer goes back to the pool when the content is disposed and no serialization is still in flight;
/// a handler may keep sending a body after the response has arrived, so disposal alone is not enough.
/// </remarks>
internal sealed class PooledJsonContent : HttpContent, IBufferWriter<byte>
{
    private const int InitialCapacity = 512;
    private const int MaxArrayLength = 0x7FFFFFC7; // Array.MaxLength, which netstandard2.0 lacks.

    private byte[]? _buffer;
    private int _length;
    private int _references = 1; // one for the owner, plus one for each serialization in flight
    private int _disposed;

    public PooledJsonContent()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
        Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
    }

    public void Advance(int count)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledJsonContent));
        if ((uint)count > (uint)(buffer.Length - _length))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => EnsureCapacity(sizeHint).AsMemory(_length);

    public Span<byte> GetSpan(int sizeHint = 0) => EnsureCapacity(sizeHint).AsSpan(_length);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        WriteToAsync(stream, CancellationToken.None);

#if NET
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        WriteToAsync(stream, cancellationToken);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[] buffer = AcquireBuffer();
        try
        {
            stream.Write(buffer, 0, _length);
        }
        finally
        {
            ReleaseBuffer();
        }
    }
#endif

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            ReleaseBuffer();
        }

        base.Dispose(disposing);
    }

    private byte[] EnsureCapacity(int sizeHint)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledJsonContent));
        if (sizeHint < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeHint));
        }

        int needed = Math.Max(sizeHint, 1);
        if (needed <= buffer.Length - _length)
        {
            return buffer;
        }

        long required = (long)_length + needed;
        if (required > MaxArrayLength)
        {
            throw new OutOfMemoryException();
        }

        long newLength = Math.Min(Math.Max((long)buffer.Length * 2, required), MaxArrayLength);
        byte[] newBuffer = ArrayPool<byte>.Shared.Rent((int)newLength);
        Buffer.BlockCopy(buffer, 0, newBuffer, 0, _length);
        ReturnToPool(buffer, _length);
        _buffer = newBuffer;
        return newBuffer;
    }

    private async Task WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] buffer = AcquireBuffer();
        try
        {
#if NET
            await stream.WriteAsync(buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
#else
            await stream.WriteAsync(buffer, 0, _length, cancellationToken).ConfigureAwait(false);
#endif
        }
        finally
        {
            ReleaseBuffer();
        }
    }

    private byte[] AcquireBuffer()
    {
        int references = Volatile.Read(ref _references);
        while (true)
        {
            if (references == 0)
            {
                throw new ObjectDisposedException(nameof(PooledJsonContent));
            }

            int observed = Interlocked.CompareExchange(ref _references, references + 1, references);
            if (observed == references)
            {
                return _buffer!;
            }

            references = observed;
        }
    }

    private void ReleaseBuffer()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            byte[] buffer = _buffer!;
            _buffer = null;
            ReturnToPool(buffer, _length);
        }
    }

    // Request bodies may hold personal data; clear them before another renter can see them.
    private static void ReturnToPool(byte[] buffer, int usedLength)
    {
        buffer.AsSpan(0, usedLength).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
