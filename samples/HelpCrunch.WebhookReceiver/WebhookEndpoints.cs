using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunch.WebhookReceiver.Api;
using HelpCrunchGen.Runtime.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelpCrunch.WebhookReceiver;

/// <summary>The webhook endpoint, as a reusable mapping: the app maps it at <c>/hooks</c>, tests host it on port 0.</summary>
public static class WebhookEndpoints
{
    /// <summary>The largest body accepted; HelpCrunch's bodies are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: reads the raw body, verifies its <c>X-HelpCrunch-Signature</c>
    /// with <paramref name="signingKey"/> and parses it into a typed event. Answers 401 on a bad or missing
    /// signature, 400 on a signed body that is not a webhook, 413 on a body over <see cref="MaxBodyBytes"/>, and
    /// 200 once <paramref name="onEvent"/> (if any) has handled the event. Every event is logged.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="signingKey"/> is null or empty.</exception>
    public static IEndpointConventionBuilder MapHelpCrunchWebhooks(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        string signingKey,
        Func<HelpCrunchWebhookEvent, CancellationToken, Task>? onEvent = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        ILogger logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("HelpCrunch.Webhooks");
        return endpoints.MapPost(pattern, context => HandleAsync(context, signingKey, onEvent, logger));
    }

    private static async Task HandleAsync(HttpContext context, string signingKey, Func<HelpCrunchWebhookEvent, CancellationToken, Task>? onEvent, ILogger logger)
    {
        byte[]? body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        HelpCrunchWebhookEvent webhook;
        try
        {
            webhook = HelpCrunchWebhooks.Parse(body, context.Request.Headers[HelpCrunchWebhooks.SignatureHeader], signingKey);
        }
        catch (WebhookSignatureException ex)
        {
            WebhookLog.Refused(logger, ex.Failure);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        catch (JsonException ex)
        {
            WebhookLog.Unreadable(logger, ex.Path);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        WebhookLog.Received(logger, webhook.Name, webhook.Id, webhook.Attempts, WebhookLog.Describe(webhook));
        if (onEvent is not null)
        {
            await onEvent(webhook, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
