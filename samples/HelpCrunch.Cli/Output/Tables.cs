using System;
using System.Collections.Generic;
using HelpCrunch.Api;

namespace HelpCrunch.Cli.Output;

/// <summary>The table layout of each listed model; times relative to "now", as <see cref="ChatPrinter"/> shows them.</summary>
internal static class Tables
{
    public static Table<Chat> Chats(DateTimeOffset now) => new(
    [
        new("ID", 10, c => Terminal.Number(c.Id)),
        new("STATUS", 16, c => c.Status.ToString()),
        new("CUSTOMER", 24, c => Terminal.Clean(c.Customer.Name) ?? c.Customer.Email ?? "id " + Terminal.Number(c.Customer.Id)),
        new("ASSIGNEE", 20, c => c.Assignee is { } a ? Terminal.Clean(a.Name) ?? "id " + Terminal.Number(a.Id) : null),
        new("LAST MESSAGE", 16, c => c.LastMessageAt is { } at ? ChatPrinter.Relative(at, now) : null),
        new("CREATED", 16, c => ChatPrinter.Relative(c.CreatedAt, now)),
    ]);

    public static Table<Customer> Customers(DateTimeOffset now) => new(
    [
        new("ID", 10, c => Terminal.Number(c.Id)),
        new("NAME", 22, c => c.Name),
        new("EMAIL", 30, c => c.Email),
        new("COMPANY", 18, c => c.Company),
        new("LAST SEEN", 16, c => c.LastSeen is { } at ? ChatPrinter.Relative(at, now) : null),
    ]);

    public static Table<Message> Messages(DateTimeOffset now) => new(
    [
        new("ID", 10, m => Terminal.Number(m.Id)),
        new("FROM", 20, m => m.Agent is { } a ? Terminal.Clean(a.Name) ?? "agent " + Terminal.Number(a.Id) : m.From?.ToString()),
        new("TYPE", 8, m => m.Type.ToString()),
        new("SENT", 16, m => ChatPrinter.Relative(m.CreatedAt, now)),
        new("TEXT", 60, m => m.Text),
    ]);

    public static Table<Agent> Agents() => new(
    [
        new("ID", 10, a => Terminal.Number(a.Id)),
        new("NAME", 24, a => a.Name),
        new("EMAIL", 32, a => a.Email),
        new("ROLE", 12, a => a.Role?.ToString()),
    ]);

    public static Table<Application> Applications() => new(
    [
        new("ID", 10, a => Terminal.Number(a.Id)),
        new("NAME", 24, a => a.DisplayName ?? a.Name),
        new("TYPE", 16, a => a.Type),
        new("ACTIVE", 6, a => a.Active is { } active ? (active ? "yes" : "no") : null),
    ]);

    public static Table<Department> Departments() => new(
    [
        new("ID", 10, d => Terminal.Number(d.Id)),
        new("NAME", 24, d => d.Name),
        new("AGENTS", 60, d => d.Agents is { Count: > 0 } agents ? string.Join(", ", Names(agents)) : null),
    ]);

    private static IEnumerable<string> Names(IReadOnlyList<Agent> agents)
    {
        foreach (Agent agent in agents)
        {
            yield return Terminal.Clean(agent.Name) ?? "id " + Terminal.Number(agent.Id);
        }
    }
}
