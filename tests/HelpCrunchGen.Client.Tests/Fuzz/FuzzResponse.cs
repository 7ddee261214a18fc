using System.Net;
using System.Net.Http.Headers;

namespace HelpCrunchGen.Client.Tests.Fuzz;

/// <summary>How the body travels: its headers may lie about it.</summary>
internal enum Framing
{
    Json,
    JsonWithCharset,
    HtmlWithJson,
    PlainText,
    WrongCharset,
    NoContentType,
    ChunkedNoLength,
    LengthTooShort,
    LengthTooLong,
    LengthZero,
}

/// <summary>One canned response: status, body bytes and framing.</summary>
internal sealed record FuzzResponse(int Status, byte[] Body, Framing Framing, string? RetryAfter = null)
{
    public static readonly Framing[] AllFramings = Enum.GetValues<Framing>();

    // Delta-seconds and HTTP dates at and beyond their edges, and text that is neither.
    public static readonly string[] RetryAfterValues =
    [
        "0", "-1", "2147483648", "99999999999999999999", "1.5", "Fri, 31 Dec 9999 23:59:59 GMT",
        "Mon, 01 Jan 0001 00:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "tomorrow", "",
    ];

    public HttpResponseMessage ToMessage()
    {
        var response = new HttpResponseMessage((HttpStatusCode)Status);
        HttpContent content = Framing == Framing.ChunkedNoLength ? new ChunkedContent(Body) : new ByteArrayContent(Body);
        switch (Framing)
        {
            case Framing.Json:
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                break;
            case Framing.JsonWithCharset:
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                break;
            case Framing.HtmlWithJson:
                content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
                break;
            case Framing.PlainText:
                content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                break;
            case Framing.WrongCharset:
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-16" };
                break;
            case Framing.ChunkedNoLength:
                response.Headers.TransferEncodingChunked = true;
                break;
            case Framing.LengthTooShort:
                content.Headers.ContentLength = Body.Length / 2;
                break;
            case Framing.LengthTooLong:
                content.Headers.ContentLength = Body.Length + 100;
                break;
            case Framing.LengthZero:
                content.Headers.ContentLength = 0;
                break;
        }

        if (RetryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
        }

        response.Content = content;
        return response;
    }

    public override string ToString() =>
        $"{Status} {Framing}{(RetryAfter is null ? "" : $" Retry-After '{RetryAfter}'")} {Body.Length} bytes: {Convert.ToHexString(Body, 0, Math.Min(Body.Length, 48))}{(Body.Length > 48 ? "…" : "")}";

    /// <summary>A body of unknown length, handed out in small writes as a chunked response would be.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (int offset = 0; offset < body.Length; offset += 97)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(97, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
