using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>
/// Writes a chat in the documented wire format (docs §4.1, newer style): timestamps as numeric
/// strings, <c>snoozedUntil</c> as a fractional string, <c>agents</c> always an array, and
/// <c>assignee</c> / <c>department</c> null when unset.
/// </summary>
internal static class ChatWire
{
    /// <summary>Writes <paramref name="chat"/>, resolving agents, customer and department through <paramref name="store"/>.</summary>
    public static void Write(Utf8JsonWriter writer, Chat chat, EmulatorStore store)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", chat.Id);
        writer.WriteString("closedBy", chat.ClosedBy);
        UnixTime.WriteSeconds(writer, "lastCustomerMessageAt", chat.LastCustomerMessageAt);
        writer.WriteString("status", chat.Status);
        UnixTime.WriteSeconds(writer, "closedAt", chat.ClosedAt);
        writer.WriteString("rating", chat.Rating);
        UnixTime.WriteSeconds(writer, "createdAt", chat.CreatedAt);
        UnixTime.WriteSeconds(writer, "lastMessageAt", chat.LastMessageAt);
        writer.WriteString("createdWith", chat.CreatedWith);
        writer.WriteBoolean("readByAgent", chat.ReadByAgent);
        writer.WriteBoolean("readByCustomer", chat.ReadByCustomer);
        // The docs' snooze response echoes "1603864800.000"; serving that form here makes clients
        // handle a fractional string next to the plain "1603885746" of the other timestamps.
        UnixTime.WriteFractional(writer, "snoozedUntil", chat.SnoozedUntil);
        writer.WriteString("lastMessageText", chat.LastMessageText);
        WriteNullableNumber(writer, "lastMessageId", chat.LastMessageId);
        writer.WriteNumber("applicationId", chat.ApplicationId);
        WriteNullableNumber(writer, "lastCommunicatedAgentId", chat.LastCommunicatedAgentId);

        writer.WriteStartArray("agents");
        foreach (int agentId in chat.AgentIds)
        {
            // An id that no longer resolves is skipped rather than written as a half-empty object.
            if (store.FindAgent(agentId) is { } agent)
            {
                AgentWire.Write(writer, agent);
            }
        }

        writer.WriteEndArray();

        CustomerWire.WriteRefOrNull(writer, "customer", store.FindCustomer(chat.CustomerId));
        AgentWire.WriteOrNull(writer, "assignee", chat.AssigneeId is { } assigneeId ? store.FindAgent(assigneeId) : null);
        DepartmentWire.WriteRefOrNull(writer, "department", chat.DepartmentId is { } departmentId ? store.FindDepartment(departmentId) : null);
        writer.WriteEndObject();
    }

    private static void WriteNullableNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
