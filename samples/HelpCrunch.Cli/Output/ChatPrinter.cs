using System;
using System.Globalization;
using System.IO;
using System.Text;
using HelpCrunch.Api;

namespace HelpCrunch.Cli.Output;

/// <summary>Writes one <see cref="Chat"/> for people: aligned labels, relative times.</summary>
public static class ChatPrinter
{
    private const int MaxMessageLength = 60;

    /// <summary>
    /// Human-readable summary under <paramref name="headline"/> (default <c>Chat 5214000</c>). Times are
    /// absolute UTC plus a relative hint computed against <paramref name="now"/>, e.g.
    /// <c>2020-06-16 18:32 UTC (5 years ago)</c>.
    /// </summary>
    public static void WriteText(TextWriter output, Chat chat, DateTimeOffset now, string? headline = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(chat);

        output.WriteLine(headline ?? "Chat " + Number(chat.Id));
        Line(output, "assignee", chat.Assignee is { } a ? Person(a.Name, a.Id, a.Email, a.Role?.ToString()) : "nobody");
        Line(output, "status", Text(chat.Status.ToString()) ?? "(unknown)");
        Line(output, "customer", Person(chat.Customer.Name, chat.Customer.Id, chat.Customer.Email,
            chat.Customer.UserId is { } userId ? "user id " + userId : null));
        Line(output, "department", chat.Department is { } d ? $"{Text(d.Name)} (id {Number(d.Id)})" : "none");
        Line(output, "created", Time(chat.CreatedAt, now));

        if (chat.LastMessageAt is { } lastMessageAt)
        {
            string? message = Excerpt(chat.LastMessageText);
            Line(output, "last message", message is null ? Time(lastMessageAt, now) : $"{Time(lastMessageAt, now)}: \"{message}\"");
        }

        if (chat.SnoozedUntil is { } snoozedUntil)
        {
            Line(output, "snoozed until", Time(snoozedUntil, now));
        }

        if (chat.ClosedAt is { } closedAt)
        {
            Line(output, "closed", chat.ClosedBy is { } by ? $"{Time(closedAt, now)} by {Text(by.ToString())}" : Time(closedAt, now));
        }

        if (chat.Rating is { } rating)
        {
            Line(output, "rating", Text(rating.ToString()) ?? string.Empty);
        }
    }

    /// <summary><c>Chat 5214000 is now assigned to Derek Swanson.</c> or <c>Chat 5214000 is now unassigned.</c></summary>
    public static string AssignedHeadline(Chat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        string id = Number(chat.Id);
        return chat.Assignee is { } agent
            ? $"Chat {id} is now assigned to {Text(agent.Name) ?? "agent " + Number(agent.Id)}."
            : $"Chat {id} is now unassigned.";
    }

    /// <summary><c>2020-06-16 18:32 UTC (5 years ago)</c>.</summary>
    public static string Time(DateTimeOffset time, DateTimeOffset now) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + " (" + Relative(time, now) + ")";

    /// <summary><c>just now</c>, <c>3 minutes ago</c>, <c>1 day ago</c>, <c>in 2 hours</c>, <c>5 years ago</c>: the largest whole unit.</summary>
    public static string Relative(DateTimeOffset time, DateTimeOffset now)
    {
        TimeSpan difference = now - time;
        bool future = difference < TimeSpan.Zero;
        difference = difference.Duration();
        if (difference < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        (long count, string unit) = difference switch
        {
            { TotalDays: >= 365 } => ((long)(difference.TotalDays / 365), "year"),
            { TotalDays: >= 30 } => ((long)(difference.TotalDays / 30), "month"),
            { TotalDays: >= 1 } => ((long)difference.TotalDays, "day"),
            { TotalHours: >= 1 } => ((long)difference.TotalHours, "hour"),
            _ => ((long)difference.TotalMinutes, "minute"),
        };

        string amount = $"{Number(count)} {unit}{(count == 1 ? string.Empty : "s")}";
        return future ? "in " + amount : amount + " ago";
    }

    private static void Line(TextWriter output, string label, string value) =>
        output.WriteLine($"  {label + ":",-15}{value}");

    /// <summary><c>Derek Swanson (id 4188, derek.swanson@company.com, admin)</c>; missing parts are left out.</summary>
    private static string Person(string? name, long id, string? email, string? extra)
    {
        var text = new StringBuilder();
        text.Append(Text(name) ?? "(no name)").Append(" (id ").Append(Number(id));
        if (Text(email) is { } cleanEmail)
        {
            text.Append(", ").Append(cleanEmail);
        }

        if (Text(extra) is { } cleanExtra)
        {
            text.Append(", ").Append(cleanExtra);
        }

        return text.Append(')').ToString();
    }

    private static string? Excerpt(string? message)
    {
        string? clean = Text(message);
        if (clean is null || clean.Length <= MaxMessageLength)
        {
            return clean;
        }

        return string.Concat(clean.AsSpan(0, MaxMessageLength - 3).TrimEnd(), "...");
    }

    private static string Number(long value) => Terminal.Number(value);
    private static string? Text(string? value) => Terminal.Clean(value);
}
