using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace HelpCrunch.Cli.Output;

/// <summary>One column: a header, a fixed width, and how to show a row's cell.</summary>
internal sealed record Column<T>(string Header, int Width, Func<T, string?> Value);

/// <summary>
/// Aligned columns of fixed widths, so that rows can be written as they arrive (a <c>--all</c> stream)
/// and still line up. A cell that is too long is cut with "..."; the last column is not padded.
/// </summary>
internal sealed class Table<T>(IReadOnlyList<Column<T>> columns)
{
    private const string Gap = "  ";

    public void WriteHeader(TextWriter output)
    {
        var line = new StringBuilder();
        for (int i = 0; i < columns.Count; i++)
        {
            Append(line, i, columns[i].Header);
        }

        output.WriteLine(line.ToString());
    }

    public void WriteRow(TextWriter output, T row)
    {
        var line = new StringBuilder();
        for (int i = 0; i < columns.Count; i++)
        {
            Append(line, i, Terminal.Clean(columns[i].Value(row)) ?? "-");
        }

        output.WriteLine(line.ToString());
    }

    private void Append(StringBuilder line, int index, string cell)
    {
        Column<T> column = columns[index];
        string text = Terminal.Fit(cell, column.Width);
        if (index == columns.Count - 1)
        {
            line.Append(text);
        }
        else
        {
            line.Append(text.PadRight(column.Width)).Append(Gap);
        }
    }
}
