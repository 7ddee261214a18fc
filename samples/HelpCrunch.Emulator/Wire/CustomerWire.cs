using System.Text.Json;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Wire;

/// <summary>
/// Writes customers as the customer-model sample does (docs §4.3, newer style): string timestamps,
/// <c>location</c> nested, <c>customData</c> as a key→value object. <c>locale</c>, <c>createdFrom</c> and
/// <c>integrationId</c> are left out when unset (the newer fields, absent from older samples); the spec also allows null.
/// </summary>
internal static class CustomerWire
{
    public static void Write(Utf8JsonWriter writer, Customer customer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", customer.Id);
        writer.WriteString("name", customer.Name);
        writer.WriteString("email", customer.Email);
        writer.WriteString("userId", customer.UserId);
        writer.WriteString("company", customer.Company);
        writer.WriteString("phone", customer.Phone);
        UnixTime.WriteSeconds(writer, "firstSeen", customer.FirstSeen);
        UnixTime.WriteSeconds(writer, "lastSeen", customer.LastSeen);

        writer.WriteStartObject("location");
        writer.WriteString("regionCode", customer.RegionCode);
        writer.WriteString("countryCode", customer.CountryCode);
        writer.WriteString("city", customer.City);
        writer.WriteEndObject();

        if (customer.Device is { } device)
        {
            writer.WriteStartObject("device");
            writer.WriteNumber("id", device.Id);
            writer.WriteString("ip", device.Ip);
            writer.WriteString("timezone", device.Timezone);
            writer.WriteString("platform", device.Platform);
            writer.WriteString("userAgent", device.UserAgent);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("device");
        }

        writer.WriteBoolean("unsubscribed", customer.Unsubscribed);
        writer.WriteBoolean("blocked", customer.Blocked);
        writer.WriteString("source", customer.Source);
        writer.WriteString("referer", customer.Referer);
        writer.WriteString("lastPage", customer.LastPage);
        WriteIfSet(writer, "locale", customer.Locale);
        WriteIfSet(writer, "createdFrom", customer.CreatedFrom);
        WriteIfSet(writer, "integrationId", customer.IntegrationId);
        writer.WriteString("notes", customer.Notes);

        writer.WriteStartArray("tags");
        foreach (var tag in customer.Tags)
        {
            writer.WriteStartObject();
            writer.WriteString("name", tag.Name);
            writer.WriteString("color", tag.Color);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteCustomData(writer, customer);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>customData</c> as the responses do: a key→value object.</summary>
    public static void WriteCustomData(Utf8JsonWriter writer, Customer customer)
    {
        writer.WriteStartObject("customData");
        foreach (var (key, json) in customer.CustomData)
        {
            writer.WritePropertyName(key);
            writer.WriteRawValue(json, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

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

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
