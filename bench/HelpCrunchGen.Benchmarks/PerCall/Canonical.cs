using System.Globalization;
using System.Text;

namespace HelpCrunchGen.Benchmarks.PerCall;

/// <summary>
/// One text per parsed result, whatever the contender's model: the fields every model has, timestamps as Unix seconds,
/// enum values as their letters in lower case ("on hold", "On_hold" and "OnHold" all read "onhold"). Two contenders
/// parsed the same values when their texts are equal.
/// </summary>
public static class Canonical
{
    public static string Of(object? result) => result switch
    {
        null => "null",
        HandWritten.Chat c => Chat(c.Id, c.Status, c.CreatedAt, c.LastMessageAt, c.ClosedAt, c.LastMessageText, c.Customer.Id, c.Customer.Email, c.Customer.UserId,
            c.Assignee is { } a ? Agent(a.Id, a.Name, a.Email, a.Role) : "-", c.Department is { } d ? Department(d.Id, d.Name, d.Agents?.Select(x => x.Id)) : "-", c.Agents?.Select(x => x.Id)),
        HandWritten.ListChatsResponse l => List(l.Meta?.Total, l.Data),
        Floor.Chat c => Chat(c.Id, c.Status, c.CreatedAt, c.LastMessageAt, c.ClosedAt, c.LastMessageText, c.Customer?.Id, c.Customer?.Email, c.Customer?.UserId,
            c.Assignee is { } a ? Agent(a.Id, a.Name, a.Email, a.Role) : "-", c.Department is { } d ? Department(d.Id, d.Name, d.Agents?.Select(x => x.Id)) : "-", c.Agents?.Select(x => x.Id)),
        Floor.ListChatsResponse l => List(l.Meta?.Total, l.Data),
        HelpCrunch.Api.Chat c => Chat(c.Id, c.Status.ToString(), c.CreatedAt.ToUnixTimeSeconds(), c.LastMessageAt?.ToUnixTimeSeconds(), c.ClosedAt?.ToUnixTimeSeconds(), c.LastMessageText,
            c.Customer.Id, c.Customer.Email, c.Customer.UserId,
            c.Assignee is { } a ? Agent(a.Id, a.Name, a.Email, a.Role?.ToString()) : "-", c.Department is { } d ? Department(d.Id, d.Name, d.Agents?.Select(x => x.Id)) : "-", c.Agents?.Select(x => x.Id)),
        HelpCrunch.Api.ListChatsResponse l => List(l.Meta?.Total, l.Data),
#if HAS_NSWAG
        NSwag.HelpCrunch.Chat c => Chat(c.Id, c.Status.ToString(), c.CreatedAt, c.LastMessageAt, c.ClosedAt, c.LastMessageText, c.Customer?.Id, c.Customer?.Email, c.Customer?.UserId,
            c.Assignee is { } a ? Agent(a.Id, a.Name, a.Email, a.Role?.ToString()) : "-", c.Department is { } d ? Department(d.Id, d.Name, d.Agents?.Select(x => x.Id)) : "-", c.Agents?.Select(x => x.Id)),
        NSwag.HelpCrunch.ListChatsResponse l => List(l.Meta?.Total, l.Data),
#endif
#if HAS_KIOTA
        Kiota.HelpCrunch.Models.Chat c => Chat(c.Id ?? 0, c.Status?.ToString(), c.CreatedAt ?? 0, c.LastMessageAt, c.ClosedAt, c.LastMessageText, c.Customer?.Id, c.Customer?.Email, c.Customer?.UserId,
            c.Assignee is { } a ? Agent(a.Id ?? 0, a.Name, a.Email, a.Role?.ToString()) : "-", c.Department is { } d ? Department(d.Id ?? 0, d.Name, d.Agents?.Select(x => x.Id ?? 0)) : "-", c.Agents?.Agent?.Select(x => x.Id ?? 0)),
        Kiota.HelpCrunch.Models.ListChatsResponse l => List(l.Meta?.Total, l.Data),
#endif
        _ => throw new ArgumentException("No canonical form for " + result.GetType(), nameof(result)),
    };

    private static string List<T>(long? total, IEnumerable<T>? chats)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"total={total} count={chats?.Count()}");
        foreach (T chat in chats ?? [])
        {
            text.Append('\n').Append(Of(chat));
        }

        return text.ToString();
    }

    private static string Chat(long id, string? status, long createdAt, long? lastMessageAt, long? closedAt, string? text, long? customerId, string? customerEmail, string? customerUserId,
        string assignee, string department, IEnumerable<long>? agents) =>
        string.Create(CultureInfo.InvariantCulture,
            $"chat {id} {Letters(status)} created={createdAt} last={lastMessageAt} closed={closedAt} text={text?.ReplaceLineEndings("\\n")} customer={customerId}/{customerEmail}/{customerUserId} assignee={assignee} department={department} agents=[{Ids(agents)}]");

    private static string Agent(long id, string? name, string? email, string? role) => $"{id}/{name}/{email}/{Letters(role)}";

    private static string Department(long id, string? name, IEnumerable<long>? agents) => $"{id}/{name}/[{Ids(agents)}]";

    private static string Ids(IEnumerable<long>? ids) => ids is null ? "none" : string.Join(",", ids);

    private static string Letters(string? value) => value is null ? "none" : new string(value.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
