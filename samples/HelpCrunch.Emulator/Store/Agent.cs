namespace HelpCrunch.Emulator.Store;

/// <summary>A team member (HelpCrunch "agent"), as listed by <c>GET /agents</c>.</summary>
/// <param name="Id">Agent id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Role">One of the <see cref="AgentRoles"/> values.</param>
/// <param name="Unsubscribed">Unsubscribed from HelpCrunch newsletters (GET /agents/{id}/unsubscribe); not on the wire.</param>
public sealed record Agent(int Id, string Name, string Email, string Role, bool Unsubscribed = false);

/// <summary>The agent role strings as the API spells them.</summary>
public static class AgentRoles
{
    /// <summary>Full administrator.</summary>
    public const string Admin = "admin";

    /// <summary>Regular agent.</summary>
    public const string Agent = "agent";

    /// <summary>Agent restricted to chats.</summary>
    public const string AgentChatOnly = "agentChatOnly";

    /// <summary>Supervisor — misspelled this way by the real API (docs §7 item 42).</summary>
    public const string Superviser = "superviser";
}
