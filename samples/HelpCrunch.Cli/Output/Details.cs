using System;
using System.IO;
using System.Linq;
using HelpCrunch.Api;

namespace HelpCrunch.Cli.Output;

/// <summary>One model for people: a headline, then <c>label: value</c> lines; empty values are left out.</summary>
internal static class Details
{
    public static void Customer(TextWriter output, Customer customer, DateTimeOffset now)
    {
        output.WriteLine("Customer " + Terminal.Number(customer.Id));
        Line(output, "name", customer.Name);
        Line(output, "email", customer.Email);
        Line(output, "user id", customer.UserId);
        Line(output, "company", customer.Company);
        Line(output, "phone", customer.Phone);
        Line(output, "location", customer.Location is { } l ? string.Join(", ", new[] { l.City, l.RegionCode, l.CountryCode }.Where(p => Terminal.Clean(p) is not null)) : null);
        Line(output, "first seen", customer.FirstSeen is { } first ? ChatPrinter.Time(first, now) : null);
        Line(output, "last seen", customer.LastSeen is { } last ? ChatPrinter.Time(last, now) : null);
        Line(output, "tags", customer.Tags is { Count: > 0 } tags ? string.Join(", ", tags.Select(t => t.Name)) : null);
        Line(output, "blocked", customer.Blocked == true ? "yes" : null);
        Line(output, "unsubscribed", customer.Unsubscribed == true ? "yes" : null);
    }

    public static void Message(TextWriter output, Message message, DateTimeOffset now)
    {
        output.WriteLine($"Message {Terminal.Number(message.Id)} in chat {Terminal.Number(message.Chat)}");
        Line(output, "from", message.Agent is { } a ? $"{Terminal.Clean(a.Name) ?? "agent"} (id {Terminal.Number(a.Id)})" : message.From?.ToString());
        Line(output, "type", message.Type.ToString());
        Line(output, "sent", ChatPrinter.Time(message.CreatedAt, now));
        Line(output, "text", message.Text);
    }

    public static void Event(TextWriter output, Event added, DateTimeOffset now)
    {
        output.WriteLine($"Event {Terminal.Number(added.Id)} \"{Terminal.Clean(added.Name)}\"");
        Line(output, "created", added.CreatedAt is { } at ? ChatPrinter.Time(at, now) : null);
        Line(output, "data", added.Data is { Count: > 0 } data ? string.Join(", ", data.Select(p => $"{p.Key}={p.Value.GetRawText()}")) : null);
    }

    public static void Organization(TextWriter output, Organization organization)
    {
        output.WriteLine("Organization " + Terminal.Number(organization.Id));
        Line(output, "domain", organization.Domain);
        Line(output, "team online", YesNo(organization.TeamOnline));
        Line(output, "chat enabled", YesNo(organization.ChatEnabled));
    }

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static void Line(TextWriter output, string label, string? value)
    {
        if (Terminal.Clean(value) is { } clean)
        {
            output.WriteLine($"  {label + ":",-15}{clean}");
        }
    }
}
