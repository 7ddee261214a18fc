using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using HelpCrunch.Api;
using HelpCrunch.Cli.Output;

namespace HelpCrunch.Cli;

/// <summary>One command's access to the API and to the output, in the format the user chose.</summary>
internal sealed class ApiCall(IHelpCrunchClient client, PageProgress progress, CliContext context, bool json, CancellationToken cancellationToken)
{
    public IHelpCrunchClient Client => client;

    public CancellationToken CancellationToken => cancellationToken;

    public DateTimeOffset Now => context.TimeProvider.GetUtcNow();

    /// <summary>One model: indented JSON, or <paramref name="writeText"/> for people.</summary>
    public void Show<T>(T value, JsonTypeInfo<T> type, Action<TextWriter, T> writeText)
    {
        if (json)
        {
            JsonOutput.WriteDocument(context.Out, value, type);
        }
        else
        {
            writeText(context.Out, value);
        }
    }

    /// <summary>A bare text answer (<c>Ok</c>): a JSON string with <c>--json</c>, else <paramref name="message"/>.</summary>
    public void ShowText(string answer, string message)
    {
        if (json)
        {
            JsonOutput.WriteString(context.Out, answer);
        }
        else
        {
            context.Out.WriteLine(message);
        }
    }

    /// <summary>One page: the response as one JSON document, or its items as a table.</summary>
    public void ShowPage<TPage, T>(TPage page, JsonTypeInfo<TPage> pageType, IReadOnlyList<T>? items, Table<T> table)
    {
        if (json)
        {
            JsonOutput.WriteDocument(context.Out, page, pageType);
            return;
        }

        table.WriteHeader(context.Out);
        foreach (T item in items ?? [])
        {
            table.WriteRow(context.Out, item);
        }
    }

    /// <summary>
    /// Every page, printed as items arrive (a table, or JSON Lines), with "fetched N of M" on stderr
    /// after each page.
    /// </summary>
    public async Task StreamAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> pages, JsonTypeInfo<T> type, Table<T> table)
    {
        if (!json)
        {
            table.WriteHeader(context.Out);
        }

        progress.Enabled = true;
        long printed = 0;
        await foreach (T item in pages(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (json)
            {
                JsonOutput.WriteLine(context.Out, item, type);
            }
            else
            {
                table.WriteRow(context.Out, item);
            }

            printed++;
            if (printed == progress.Received)
            {
                await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                string count = printed.ToString(CultureInfo.InvariantCulture);
                await context.Error.WriteLineAsync(progress.Total is { } total
                    ? $"fetched {count} of {total.ToString(CultureInfo.InvariantCulture)}"
                    : $"fetched {count}").ConfigureAwait(false);
            }
        }

        if (printed == 0)
        {
            await context.Error.WriteLineAsync("fetched 0").ConfigureAwait(false);
        }
    }
}
