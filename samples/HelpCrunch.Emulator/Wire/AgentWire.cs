using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>Writes an agent: <c>{id, name, email, role}</c> (the same shape in lists, chats and departments).</summary>
internal static class AgentWire
{
    public static void Write(Utf8JsonWriter writer, Agent agent)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", agent.Id);
        writer.WriteString("name", agent.Name);
        writer.WriteString("email", agent.Email);
        writer.WriteString("role", agent.Role);
        writer.WriteEndObject();
    }

    /// <summary>Writes the agent as property <paramref name="name"/>, or null when absent.</summary>
    public static void WriteOrNull(Utf8JsonWriter writer, string name, Agent? agent)
    {
        if (agent is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        Write(writer, agent);
    }
}
