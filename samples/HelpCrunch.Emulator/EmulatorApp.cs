using System;
using System.Net;
using HelpCrunch.Emulator.Middleware;
using HelpCrunch.Emulator.Routes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpCrunch.Emulator;

/// <summary>Builds the ASP.NET Core application: Kestrel on loopback, quiet logging, middleware, routes.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorOptions options, Emulation emulation)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // No command-line args, and a content root that holds no appsettings.json: the host of a
            // test or sample must not reconfigure the emulator by accident.
            Args = Array.Empty<string>(),
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Ignore ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS (set in container images): the explicit Listen
        // below wins anyway, but Kestrel would log an "overriding address" warning.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, string.Empty);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });

        // Warnings and errors only, whatever the configuration says: no console spam in tests.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Services.PostConfigure<LoggerFilterOptions>(filter =>
        {
            filter.Rules.Clear();
            filter.MinLevel = LogLevel.Warning;
            // The host logs a failed start (e.g. port in use) with a full stack trace and then throws
            // the same exception to StartAsync's caller; the log copy is just noise.
            filter.Rules.Add(new LoggerFilterRule(null, "Microsoft.Extensions.Hosting", LogLevel.None, null));
        });

        // Short graceful shutdown: disposing an emulator in a test must not hang on a slow client.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();

        var apiKey = new ApiKeyMiddleware(options.ApiKey);
        var rateLimit = new RateLimitMiddleware(
            new SlidingWindowRateLimiter(options.RequestsPerMinute, options.RateLimitWindow, options.TimeProvider));

        // Order matters: the envelope wraps everything (so it sees the final 404/405), routing picks
        // the endpoint, then key check (401) before rate limit (429, counts valid keys only).
        var errorStyle = options.ErrorStyle;
        app.Use((context, next) =>
        {
            context.Items[Errors.StyleItem] = errorStyle;
            return next(context);
        });
        app.Use(ErrorEnvelopeMiddleware.InvokeAsync);
        app.UseRouting();
        app.Use(apiKey.InvokeAsync);
        app.Use(rateLimit.InvokeAsync);

        ApiRoutes.Map(app, emulation);
        return app;
    }
}
