namespace HelpCrunch.Emulator.Store;

/// <summary>A widget, app or integration that chats belong to (fields per the spec's Application).</summary>
/// <param name="Id">Application id, as createChat takes it.</param>
/// <param name="Name">Internal name.</param>
/// <param name="DisplayName">Name shown to customers.</param>
/// <param name="Active">Whether it is active.</param>
/// <param name="Type">Kind, e.g. <c>widget</c>.</param>
public sealed record Application(int Id, string Name, string DisplayName, bool Active, string Type);
