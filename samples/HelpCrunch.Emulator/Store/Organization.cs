namespace HelpCrunch.Emulator.Store;

/// <summary>The account (docs §4.6).</summary>
/// <param name="Id">Organization id.</param>
/// <param name="Domain">HelpCrunch domain.</param>
/// <param name="TeamOnline">Whether someone in the team is online.</param>
/// <param name="ChatEnabled">Whether the chat is enabled.</param>
public sealed record Organization(int Id, string Domain, bool TeamOnline, bool ChatEnabled);
