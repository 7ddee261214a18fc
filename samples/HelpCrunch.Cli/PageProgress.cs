using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace HelpCrunch.Cli;

/// <summary>
/// Watches the pages a generated <c>*AllAsync</c> stream requests, so that <c>--all</c> can say
/// "fetched 200 of 250": the stream yields items only, while the total travels in each page
/// (<c>meta.total</c> or a top-level <c>total</c>, depending on the endpoint).
/// </summary>
internal sealed class PageProgress : DelegatingHandler
{
    private long _received;
    private long _total = -1;

    /// <summary>Off by default: only a paging command pays for reading each response twice.</summary>
    public bool Enabled { get; set; }

    /// <summary>Items in the pages answered so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>The total the latest page announced, if any.</summary>
    public long? Total => Interlocked.Read(ref _total) is >= 0 and var total ? total : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Enabled && response.IsSuccessStatusCode)
        {
            // Buffered content can be read again by the client afterwards.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Observe(body);
        }

        return response;
    }

    private void Observe(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return; // the client reports a bad page itself
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (root.TryGetProperty("data", out JsonElement items) && items.ValueKind == JsonValueKind.Array)
            {
                Interlocked.Add(ref _received, items.GetArrayLength());
            }

            long? total = ReadTotal(root);
            if (total is null && root.TryGetProperty("meta", out JsonElement meta) && meta.ValueKind == JsonValueKind.Object)
            {
                total = ReadTotal(meta);
            }

            if (total is { } known)
            {
                Interlocked.Exchange(ref _total, known);
            }
        }
    }

    /// <summary>A non-negative <c>total</c>, as a number or a numeric string.</summary>
    private static long? ReadTotal(JsonElement owner)
    {
        if (!owner.TryGetProperty("total", out JsonElement total))
        {
            return null;
        }

        long value = -1;
        bool read = total.ValueKind switch
        {
            JsonValueKind.Number => total.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(total.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return read && value >= 0 ? value : null;
    }
}
