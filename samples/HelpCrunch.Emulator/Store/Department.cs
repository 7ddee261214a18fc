using System.Collections.Generic;

namespace HelpCrunch.Emulator.Store;

/// <summary>A department (team) that chats can be routed to.</summary>
/// <param name="Id">Department id.</param>
/// <param name="Name">Display name.</param>
/// <param name="AgentIds">Ids of the <see cref="Agent"/>s in the department.</param>
public sealed record Department(int Id, string Name, IReadOnlyList<int> AgentIds);
