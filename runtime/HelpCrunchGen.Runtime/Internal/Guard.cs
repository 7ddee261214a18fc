using System;

namespace HelpCrunchGen.Runtime.Internal;

/// <summary>Argument checks that netstandard2.0 lacks (no ArgumentNullException.ThrowIfNull there).</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string paramName) where T : class => value ?? throw new ArgumentNullException(paramName);
}
