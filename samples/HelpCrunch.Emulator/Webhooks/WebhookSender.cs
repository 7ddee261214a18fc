using System;
using System.Buffers;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace HelpCrunch.Emulator.Webhooks;

/// <summary>
/// Sends webhooks (docs §6) to <see cref="EmulatorOptions.WebhookUrl"/>: one worker reads a channel, so
/// webhooks leave in the order state changed. Each POST carries the envelope
/// <c>{event, eventData, attempts, lastAttemptAt, createdAt, id}</c> and <c>X-HelpCrunch-Signature</c>, the
/// lowercase hex HMAC-SHA1 of the exact body bytes under the signing key. A non-2xx answer or a failed
/// connection is retried with <c>attempts</c> + 1 after an exponential backoff, up to the configured attempts.
/// </summary>
internal sealed class WebhookSender : IAsyncDisposable
{
    public const string SignatureHeader = "X-HelpCrunch-Signature";

    private readonly Uri? _url;
    private readonly byte[] _key;
    private readonly int _maxAttempts;
    private readonly TimeSpan _retryDelay;
    private readonly TimeProvider _time;
    private readonly Channel<PendingWebhook> _queue = Channel.CreateUnbounded<PendingWebhook>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient? _http;
    private readonly Task _worker = Task.CompletedTask;

    public WebhookSender(EmulatorOptions options, WebhookDeliveryStats stats)
    {
        _url = options.WebhookUrl;
        // 20 random bytes, like an HMAC-SHA1 key of full strength, written as hex so it can be typed.
        SigningKey = options.WebhookSigningKey ?? RandomNumberGenerator.GetHexString(40, lowercase: true);
        _key = Encoding.UTF8.GetBytes(SigningKey);
        _maxAttempts = options.WebhookMaxAttempts;
        _retryDelay = options.WebhookRetryDelay;
        _time = options.TimeProvider;
        Stats = stats;
        if (_url is not null)
        {
            _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            _worker = Task.Run(RunAsync);
        }
    }

    public string SigningKey { get; }

    public WebhookDeliveryStats Stats { get; }

    /// <summary>Queues event <paramref name="eventName"/>; its data is written now, so later changes do not leak into it.</summary>
    public void Enqueue(string eventName, Action<Utf8JsonWriter> writeEventData)
    {
        if (_url is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Wire.JsonResponse.WriterOptions))
        {
            writeEventData(writer);
        }

        var createdAt = _time.GetUtcNow();
        _queue.Writer.TryWrite(new PendingWebhook(eventName, buffer.WrittenMemory.ToArray(), createdAt, Guid.NewGuid().ToString("N")));
    }

    /// <summary>Lowercase hex HMAC-SHA1 of <paramref name="body"/> under <paramref name="key"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body) => Convert.ToHexStringLower(HMACSHA1.HashData(key, body));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _http?.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        await foreach (var webhook in _queue.Reader.ReadAllAsync(token).ConfigureAwait(false))
        {
            await DeliverAsync(webhook, token).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(PendingWebhook webhook, CancellationToken token)
    {
        for (int attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(_retryDelay * Math.Pow(2, attempt - 2), token).ConfigureAwait(false);
            }

            byte[] body = webhook.Envelope(attempt, _time.GetUtcNow());
            using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(_key, body));
            Stats.CountAttempt();
            try
            {
                using var response = await _http!.SendAsync(request, token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Stats.CountDelivered();
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The receiver is down: retried like a non-2xx answer.
            }
            catch (TaskCanceledException) when (!token.IsCancellationRequested)
            {
                // HttpClient.Timeout: retried like a non-2xx answer.
            }
        }

        Stats.CountFailed();
    }

    private sealed record PendingWebhook(string Event, byte[] EventData, DateTimeOffset CreatedAt, string Id)
    {
        /// <summary>The envelope of one attempt: <c>lastAttemptAt</c> is this attempt's time, <c>attempts</c> its number (1 first).</summary>
        public byte[] Envelope(int attempt, DateTimeOffset now)
        {
            var buffer = new ArrayBufferWriter<byte>(EventData.Length + 160);
            using (var writer = new Utf8JsonWriter(buffer, Wire.JsonResponse.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("event", Event);
                writer.WritePropertyName("eventData");
                writer.WriteRawValue(EventData, skipInputValidation: true);
                writer.WriteNumber("attempts", attempt);
                writer.WriteNumber("lastAttemptAt", now.ToUnixTimeSeconds());
                writer.WriteNumber("createdAt", CreatedAt.ToUnixTimeSeconds());
                writer.WriteString("id", Id);
                writer.WriteEndObject();
            }

            return buffer.WrittenMemory.ToArray();
        }
    }
}
