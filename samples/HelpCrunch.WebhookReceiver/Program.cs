using System;
using HelpCrunch.WebhookReceiver;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

// Receives HelpCrunch webhooks at POST /hooks. The signing key (Settings → Developers → Webhooks → "HTTP Webhook
// Signing Key") comes from configuration: the HELPCRUNCH_WEBHOOK_KEY environment variable, or the same key in
// appsettings.json or on the command line (--HELPCRUNCH_WEBHOOK_KEY=...).
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
string? signingKey = builder.Configuration["HELPCRUNCH_WEBHOOK_KEY"];
if (string.IsNullOrEmpty(signingKey))
{
    Console.Error.WriteLine("Set HELPCRUNCH_WEBHOOK_KEY to the webhook signing key HelpCrunch shows (Settings → Developers → Webhooks).");
    return 2;
}

// The events are the log worth reading; ASP.NET Core's per-request lines would bury them.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
WebApplication app = builder.Build();
app.MapHelpCrunchWebhooks("/hooks", signingKey);
app.Run();
return 0;
