using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>Writes an event: <c>{id, name, data, createdAt, customer}</c> (docs §3 U11; <c>customer</c> as the older page shows).</summary>
internal static class EventWire
{
    public static void Write(Utf8JsonWriter writer, CustomerEvent customerEvent)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", customerEvent.Id);
        writer.WriteString("name", customerEvent.Name);
        writer.WritePropertyName("data");
        writer.WriteRawValue(customerEvent.DataJson, skipInputValidation: true);
        UnixTime.WriteSeconds(writer, "createdAt", customerEvent.CreatedAt);
        writer.WriteNumber("customer", customerEvent.CustomerId);
        writer.WriteEndObject();
    }
}
