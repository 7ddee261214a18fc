using System.Globalization;

namespace HelpCrunchGen.Runtime;

/// <summary>Segments of a JSON path in System.Text.Json's notation (<c>$.agents[2].role</c>, <c>$['a b']</c>).</summary>
internal static class JsonPath
{
    public static string Property(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return "['" + name.Replace("'", "\\'") + "']";
            }
        }

        return "." + name;
    }

    public static string Index(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
