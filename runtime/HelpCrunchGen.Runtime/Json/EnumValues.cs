using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace HelpCrunchGen.Runtime;

/// <summary>
/// The known spellings of one generated open enum (its values in the spec's order, then its aliases) and the lookups
/// its struct and converter share, so that each generated enum carries only its table. A lookup answers the position
/// of the value in the spec's list (an alias answers its value's), or -1 for a spelling the spec does not list.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EnumValues
{
    private readonly string _typeName;
    private readonly string[] _spellings;
    private readonly byte[][] _utf8;
    private readonly int[] _positions;
    private readonly Dictionary<string, int> _byString;

    /// <param name="typeName">The generated type, for the message of <see cref="Write"/>.</param>
    /// <param name="values">The values, in the spec's order.</param>
    /// <param name="aliases">Other spellings, each with the position of its value in <paramref name="values"/>.</param>
    /// <exception cref="ArgumentNullException">An argument or a spelling is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An alias names a position outside <paramref name="values"/>.</exception>
    public EnumValues(string typeName, string[] values, params (string Spelling, int Position)[] aliases)
    {
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        if (values is null) throw new ArgumentNullException(nameof(values));
        if (aliases is null) throw new ArgumentNullException(nameof(aliases));

        int count = values.Length + aliases.Length;
        _spellings = new string[count];
        _utf8 = new byte[count][];
        _positions = new int[count];
        _byString = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            (string spelling, int position) = i < values.Length ? (values[i], i) : aliases[i - values.Length];
            if ((uint)position >= (uint)values.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(aliases), $"The alias \"{spelling}\" names position {position}, but there are {values.Length} values.");
            }

            _spellings[i] = spelling ?? throw new ArgumentNullException(i < values.Length ? nameof(values) : nameof(aliases), "A spelling is null.");
            _utf8[i] = Encoding.UTF8.GetBytes(spelling);
            _positions[i] = position;
            if (!_byString.ContainsKey(spelling))
            {
                _byString.Add(spelling, position); // a repeated spelling names its first value, as in the UTF-8 search
            }
        }
    }

    /// <summary>The position of the value <paramref name="value"/> spells (ordinal comparison), or -1.</summary>
    public int Find(string? value) => value is not null && _byString.TryGetValue(value, out int position) ? position : -1;

    /// <summary>
    /// Reads a JSON string and sets <paramref name="position"/> (-1 when not known). A known spelling returns the
    /// table's own string (no allocation); any other is read as is.
    /// </summary>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public string Read(ref Utf8JsonReader reader, out int position)
    {
        JsonRead.ExpectString(ref reader);
        int index = IndexOf(ref reader);
        if (index >= 0)
        {
            position = _positions[index];
            return _spellings[index];
        }

        string value = reader.GetString()!;
        position = Find(value);
        return value;
    }

    /// <summary>Writes a value's wire string; null stands for <c>default</c> of the enum, which has none.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null.</exception>
    public void Write(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            throw new ArgumentException($"default({_typeName}) has no wire value; use one of its known values or new {_typeName}(\"…\").", nameof(value));
        }

        writer.WriteStringValue(value);
    }

    private int IndexOf(ref Utf8JsonReader reader)
    {
        // ValueTextEquals checks the token, its escapes and its segments on every call; a plain value skips all that.
        bool plain = !reader.HasValueSequence && !reader.ValueIsEscaped;
        ReadOnlySpan<byte> text = plain ? reader.ValueSpan : default;
        byte[][] utf8 = _utf8;
        for (int i = 0; i < utf8.Length; i++)
        {
            if (plain ? text.SequenceEqual(utf8[i]) : reader.ValueTextEquals(utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
