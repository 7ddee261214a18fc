using System;

namespace HelpCrunch.Emulator.Store;

/// <summary>A customer (contact). Only the fields the emulator serves so far; grows with the customer endpoints.</summary>
public sealed record Customer
{
    /// <summary>HelpCrunch customer id.</summary>
    public required int Id { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The integrator's own external id (not the HelpCrunch id); often null.</summary>
    public string? UserId { get; init; }

    /// <summary>Company name.</summary>
    public string? Company { get; init; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>First time the customer was seen.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Last time the customer was seen.</summary>
    public DateTimeOffset? LastSeen { get; init; }
}
