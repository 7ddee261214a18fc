using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using HelpCrunch.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace HelpCrunch.Emulator.Routes;

/// <summary>Where a list response puts the total (docs §5.5): chats, agents and departments in <c>meta.total</c>; messages, customers and searches at the top.</summary>
internal enum TotalAt
{
    Meta,
    TopLevel,
}

/// <summary>Writes <c>{"data":[…], …total}</c> for one page of an already filtered and sorted list.</summary>
internal static class ListResponse
{
    public static Task WriteAsync<T>(HttpContext context, IReadOnlyList<T> all, Page page, TotalAt totalAt, Action<Utf8JsonWriter, T> write) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var item in page.Apply(all))
            {
                write(writer, item);
            }

            writer.WriteEndArray();
            if (totalAt == TotalAt.Meta)
            {
                writer.WriteStartObject("meta");
                writer.WriteNumber("total", all.Count);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNumber("total", all.Count);
            }

            writer.WriteEndObject();
        });
}
