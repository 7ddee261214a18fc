using System;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Emitting;

/// <summary>Turns spec descriptions into XML doc comments.</summary>
internal static class DocComments
{
    public static void WriteSummary(SourceWriter writer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        writer.WriteLine("/// <summary>");
        WriteParagraph(writer, text!);
        writer.WriteLine("/// </summary>");
    }

    public static void WriteParagraph(SourceWriter writer, string text)
    {
        foreach (string line in text.Trim().Replace("\r\n", "\n").Split('\n'))
        {
            writer.WriteLine(line.Length == 0 ? "///" : "/// " + Escape(line.TrimEnd()));
        }
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A one-line description for inline use (param tags, remarks).</summary>
    public static string Inline(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : Escape(string.Join(" ", text!.Trim().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)));

    public static string Obsolete(PropertySpec property) =>
        property.IsDeprecated ? "[global::System.Obsolete(\"Deprecated in the API specification.\")]" : string.Empty;
}
