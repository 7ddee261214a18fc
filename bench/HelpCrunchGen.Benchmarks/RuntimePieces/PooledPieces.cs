using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HelpCrunchGen.Benchmarks.RuntimePieces;

// Copies of the runtime's pieces (internal there), with the same allocations and copies, so that each can be
// swapped for its plain alternative in one send path.

/// <summary>The pooled request body the runtime had before (dropped): written through IBufferWriter into a rented array, cleared on return.</summary>
internal sealed class PooledContent : HttpContent, IBufferWriter<byte>
{
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(512);
    private int _length;
    private int _references = 1;

    public PooledContent() => Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_length);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_length);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Interlocked.Increment(ref _references);
        try
        {
            await stream.WriteAsync(_buffer.AsMemory(0, _length)).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }

        base.Dispose(disposing);
    }

    private byte[] Ensure(int sizeHint)
    {
        byte[] buffer = _buffer!;
        if (Math.Max(sizeHint, 1) <= buffer.Length - _length)
        {
            return buffer;
        }

        byte[] grown = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, _length + sizeHint));
        buffer.AsSpan(0, _length).CopyTo(grown);
        Return(buffer, _length);
        return _buffer = grown;
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0 && _buffer is { } buffer)
        {
            _buffer = null;
            Return(buffer, _length);
        }
    }

    internal static void Return(byte[] buffer, int used)
    {
        buffer.AsSpan(0, used).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>The per-thread writer the pooled body used.</summary>
internal static class WriterCache
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        Utf8JsonWriter? writer = t_writer;
        if (writer is null)
        {
            return new Utf8JsonWriter(output);
        }

        t_writer = null;
        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer) => t_writer = writer;
}

/// <summary>The runtime's pooled response body: sized by Content-Length, read to its end, cleared on return.</summary>
internal static class PooledBody
{
    public static async ValueTask<(byte[]? Buffer, int Length)> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared == 0)
        {
            return (null, 0);
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? 4096, 1024 * 1024));
        int length = 0;
        using (stream)
        {
            while (length != declared)
            {
                if (length == buffer.Length)
                {
                    byte[] grown = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(grown);
                    PooledContent.Return(buffer, length);
                    buffer = grown;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }

        return (buffer, length);
    }
}

/// <summary>The runtime's cache of request URIs of constant paths (the generated client says which paths are constant).</summary>
internal sealed class UriCache(string baseUri)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public Uri Get(string relative)
    {
        if (_uris.TryGetValue(relative, out Uri? cached))
        {
            return cached;
        }

        var uri = new Uri(baseUri + relative, UriKind.Absolute);
        _uris.TryAdd(relative, uri);
        return uri;
    }
}

/// <summary>
/// The runtime's request body (JsonBody): a per-thread writer over a per-thread MemoryStream, the body copied out at
/// its exact length into a ByteArrayContent (no pool, so no buffer lifetime to track).
/// </summary>
internal static class ScratchBody
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    public static ByteArrayContent Create<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        Scratch scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        try
        {
            scratch.Writer.Reset(scratch.Buffer);
            write(scratch.Writer, value);
            scratch.Writer.Flush();
            var content = new ByteArrayContent(scratch.Buffer.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            return content;
        }
        finally
        {
            Array.Clear(scratch.Buffer.GetBuffer(), 0, (int)scratch.Buffer.Length);
            scratch.Buffer.SetLength(0);
            t_scratch = scratch;
        }
    }

    private sealed class Scratch
    {
        public MemoryStream Buffer { get; } = new(512);

        public Utf8JsonWriter Writer { get; }

        public Scratch() => Writer = new Utf8JsonWriter(Buffer);
    }
}
