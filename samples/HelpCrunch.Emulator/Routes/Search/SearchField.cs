using System;
using System.Collections.Generic;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Routes.Search;

/// <summary>The value type of a search field (docs §5.1–5.3); it decides the operators and the filter value's JSON type.</summary>
internal enum FieldKind
{
    /// <summary>An id: a JSON integer; <c>= != &gt; &lt; &gt;= &lt;=</c>.</summary>
    Integer,

    /// <summary>Unix seconds: a JSON number; the same operators as integers.</summary>
    Date,

    /// <summary>Text: a JSON string; <c>= != ~ !~</c>, case-insensitive.</summary>
    String,

    /// <summary>Tags: a list of <c>{"name": …}</c> (or names); only <c>=</c>, matching items that have all of them.</summary>
    Tags,
}

/// <summary>One searchable field of <typeparamref name="T"/>: its wire name, kind and how to read it from an item.</summary>
internal sealed record SearchField<T>(string Name, FieldKind Kind)
{
    /// <summary>For integer and date fields: the item's values (several for <c>chats.agents</c>, none when null).</summary>
    public Func<T, IEnumerable<double>>? Numbers { get; init; }

    /// <summary>For string fields: the item's value.</summary>
    public Func<T, string?>? Text { get; init; }

    /// <summary>For string fields whose values have several spellings (chat status): the canonical spelling.</summary>
    public Func<string, string>? Normalize { get; init; }

    /// <summary>For tag fields: the item's tags.</summary>
    public Func<T, IReadOnlyList<Tag>>? Tags { get; init; }

    public static SearchField<T> Integer(string name, Func<T, int?> value) =>
        new(name, FieldKind.Integer) { Numbers = item => value(item) is { } v ? new double[] { v } : Array.Empty<double>() };

    public static SearchField<T> Date(string name, Func<T, DateTimeOffset?> value) =>
        new(name, FieldKind.Date) { Numbers = item => value(item) is { } v ? new double[] { v.ToUnixTimeMilliseconds() / 1000.0 } : Array.Empty<double>() };

    public static SearchField<T> String(string name, Func<T, string?> value) => new(name, FieldKind.String) { Text = value };
}
