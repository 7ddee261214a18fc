using System;

namespace HelpCrunch.Emulator.Store;

/// <summary>An activity event recorded on a customer (docs §4.8).</summary>
/// <param name="Id">Event id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Name">Event name.</param>
/// <param name="DataJson">The free-form data object as raw JSON.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record CustomerEvent(int Id, int CustomerId, string Name, string DataJson, DateTimeOffset CreatedAt);
