using System.Net.Http.Headers;

namespace HelpCrunchGen.Runtime.Tests.Infrastructure;

/// <summary>Builds canned responses.</summary>
internal static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Bytes(HttpStatusCode status, byte[] body) =>
        new(status) { Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };

    /// <summary>A body of unknown length (no Content-Length), delivered in small chunks, like a chunked response.</summary>
    public static HttpResponseMessage Chunked(HttpStatusCode status, string body, int chunkSize = 1000) =>
        new(status) { Content = new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(body), chunkSize)) };
}

/// <summary>A non-seekable stream that returns at most <c>chunkSize</c> bytes per read.</summary>
internal sealed class ChunkedStream : Stream
{
    private readonly byte[] _data;
    private readonly int _chunkSize;
    private int _position;

    public ChunkedStream(byte[] data, int chunkSize)
    {
        _data = data;
        _chunkSize = chunkSize;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, _chunkSize), _data.Length - _position);
        Array.Copy(_data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream that returns some bytes, then waits until the read is canceled.</summary>
internal sealed class StallingStream : Stream
{
    private readonly byte[] _prefix;
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _prefixSent;

    public StallingStream(byte[] prefix) => _prefix = prefix;

    /// <summary>Completes when a read has started waiting for bytes that never come.</summary>
    public Task Stalled => _stalled.Task;

    /// <summary>Whether the token was already canceled when the read began to wait.</summary>
    public bool CanceledBeforeStall { get; private set; }

    /// <summary>Whether the waiting read ended because its token was canceled.</summary>
    public bool StallCanceled { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_prefixSent)
        {
            _prefixSent = true;
            _prefix.CopyTo(buffer);
            return _prefix.Length;
        }

        CanceledBeforeStall = cancellationToken.IsCancellationRequested;
        _stalled.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            StallCanceled = true;
            throw;
        }

        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
