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
}

/// <summary>One canned response: status, body bytes and framing.</summary>
internal sealed record FuzzResponse(int Status, byte[] Body, Framing Framing)
{
    public static readonly Framing[] AllFramings = Enum.GetValues<Framing>();

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
        }

        response.Content = content;
        return response;
    }

    public override string ToString() =>
        $"{Status} {Framing} {Body.Length} bytes: {Convert.ToHexString(Body, 0, Math.Min(Body.Length, 48))}{(Body.Length > 48 ? "…" : "")}";

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
