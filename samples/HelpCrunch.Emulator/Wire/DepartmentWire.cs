using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>Writes departments: with their agents in the list, as <c>{id, name}</c> inside a chat.</summary>
internal static class DepartmentWire
{
    /// <summary>Writes <c>{id, name, agents}</c>, agents resolved through <paramref name="store"/>.</summary>
    public static void Write(Utf8JsonWriter writer, Department department, EmulatorStore store)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", department.Id);
        writer.WriteString("name", department.Name);
        writer.WriteStartArray("agents");
        foreach (int agentId in department.AgentIds)
        {
            if (store.FindAgent(agentId) is { } agent)
            {
                AgentWire.Write(writer, agent);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{id, name}</c> as property <paramref name="name"/>, or null when absent.</summary>
    public static void WriteRefOrNull(Utf8JsonWriter writer, string name, Department? department)
    {
        if (department is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("id", department.Id);
        writer.WriteString("name", department.Name);
        writer.WriteEndObject();
    }
}
