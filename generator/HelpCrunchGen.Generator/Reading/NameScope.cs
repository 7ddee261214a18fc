using System;
using System.Collections.Generic;
using System.Globalization;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// The C# names taken in one declaration space (a namespace's types, a type's members, a method's parameters
/// and locals). Names are handed out, never assumed free: a name that is taken gets a deterministic numbered
/// variant, so a spec name can never collide with another spec name or with a name the emitter declares.
/// </summary>
internal sealed class NameScope
{
    private readonly Dictionary<string, string> _owners;

    // The number to try next for a desired name, so that the thousandth claim of one name does not retry 2..999.
    private readonly Dictionary<string, int> _nextNumber;

    /// <param name="ignoreCase">
    /// True for type names: each type becomes a file whose hint name the compiler compares without case.
    /// </param>
    public NameScope(bool ignoreCase = false)
    {
        StringComparer comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        _owners = new Dictionary<string, string>(comparer);
        _nextNumber = new Dictionary<string, int>(comparer);
    }

    public bool IsTaken(string name) => _owners.ContainsKey(name);

    public string? OwnerOf(string name) => _owners.TryGetValue(name, out string? owner) ? owner : null;

    /// <summary>Takes a name the emitter declares itself (a member, a fixed type); later claims avoid it.</summary>
    public void Reserve(string name, string owner)
    {
        if (!_owners.ContainsKey(name))
        {
            _owners.Add(name, owner);
        }
    }

    /// <summary>
    /// Takes <paramref name="desired"/>, or the first free of <c>desired2</c>, <c>desired3</c> …
    /// (each candidate also needs every <paramref name="companions"/> suffix free: <c>Chat</c> with
    /// <c>ChatJsonConverter</c>). Keywords are never returned unescaped by callers; see <see cref="Identifiers"/>.
    /// </summary>
    public string Claim(string desired, string owner, params string[] companions)
    {
        string candidate = desired;
        if (!IsFree(candidate, companions))
        {
            // Numbers below the remembered one were taken when it was remembered, and names are never released.
            int number = _nextNumber.TryGetValue(desired, out int next) ? next : 2;
            do
            {
                candidate = desired + number.ToString(CultureInfo.InvariantCulture);
                number++;
            }
            while (!IsFree(candidate, companions));

            _nextNumber[desired] = number;
        }

        _owners.Add(candidate, owner);
        foreach (string suffix in companions)
        {
            _owners.Add(candidate + suffix, owner);
        }

        return candidate;
    }

    private bool IsFree(string candidate, string[] companions)
    {
        if (_owners.ContainsKey(candidate))
        {
            return false;
        }

        foreach (string suffix in companions)
        {
            if (_owners.ContainsKey(candidate + suffix))
            {
                return false;
            }
        }

        return true;
    }
}
