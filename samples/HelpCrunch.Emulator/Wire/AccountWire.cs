using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>Writes the organization (docs §4.6) and applications (the spec's Application).</summary>
internal static class AccountWire
{
    public static void Write(Utf8JsonWriter writer, Organization organization)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", organization.Id);
        writer.WriteString("domain", organization.Domain);
        writer.WriteBoolean("teamOnline", organization.TeamOnline);
        writer.WriteBoolean("chatEnabled", organization.ChatEnabled);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Application application)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", application.Id);
        writer.WriteString("name", application.Name);
        writer.WriteString("displayName", application.DisplayName);
        writer.WriteBoolean("active", application.Active);
        writer.WriteString("type", application.Type);
        writer.WriteEndObject();
    }
}
