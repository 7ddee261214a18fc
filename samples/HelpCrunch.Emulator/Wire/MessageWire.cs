using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>Writes a message as the message-model sample does (docs §4.2): <c>createdAt</c> as a fractional string.</summary>
internal static class MessageWire
{
    public static void Write(Utf8JsonWriter writer, Message message, EmulatorStore store)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", message.Id);
        AgentWire.WriteOrNull(writer, "agent", message.AgentId is { } agentId ? store.FindAgent(agentId) : null);
        writer.WriteString("type", message.Type);
        writer.WriteString("text", message.Text);
        writer.WriteBoolean("read", message.Read);
        UnixTime.WriteFractional(writer, "createdAt", message.CreatedAt);
        UnixTime.WriteFractional(writer, "updatedAt", message.UpdatedAt);
        writer.WriteBoolean("edited", message.UpdatedAt is not null);
        writer.WriteString("broadcastType", message.BroadcastType);
        writer.WriteNumber("chat", message.ChatId);
        writer.WriteString("from", message.From);
        writer.WriteEndObject();
    }
}
