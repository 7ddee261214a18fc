using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>Writes customers. So far only the reference embedded in a chat.</summary>
internal static class CustomerWire
{
    /// <summary>Writes <c>{id, name, email, userId}</c> as property <paramref name="name"/>, or null when absent.</summary>
    public static void WriteRefOrNull(Utf8JsonWriter writer, string name, Customer? customer)
    {
        if (customer is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("id", customer.Id);
        writer.WriteString("name", customer.Name);
        writer.WriteString("email", customer.Email);
        writer.WriteString("userId", customer.UserId);
        writer.WriteEndObject();
    }
}
