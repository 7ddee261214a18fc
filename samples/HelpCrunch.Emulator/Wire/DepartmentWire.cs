using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>Writes departments. So far only the reference embedded in a chat.</summary>
internal static class DepartmentWire
{
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
