using System.Text.Json;

namespace HelpCrunchGen.Benchmarks.Floor;

/// <summary>
/// The floor's hand-written reader: one pass of <see cref="Utf8JsonReader"/> over the buffered body, property names
/// compared as UTF-8 in wire order, unknown properties skipped. What a hand-writer writes when STJ is too slow.
/// </summary>
public static class FloorReader
{
    public static Chat ReadChat(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return ReadChat(ref reader);
    }

    public static ListChatsResponse ReadListChats(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        Expect(ref reader, JsonTokenType.StartObject);
        var result = new ListChatsResponse();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    var chats = new List<Chat>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        chats.Add(ReadChat(ref reader));
                    }

                    result.Data = chats;
                }
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var meta = new ListMeta();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("total"u8))
                        {
                            reader.Read();
                            meta.Total = reader.GetInt64();
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }

                    result.Meta = meta;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return result;
    }

    private static Chat ReadChat(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var chat = new Chat();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); chat.Id = reader.GetInt64(); }
            else if (reader.ValueTextEquals("closedBy"u8)) { reader.Read(); chat.ClosedBy = reader.GetString(); }
            else if (reader.ValueTextEquals("lastCustomerMessageAt"u8)) { reader.Read(); chat.LastCustomerMessageAt = Int64OrNull(ref reader); }
            else if (reader.ValueTextEquals("status"u8)) { reader.Read(); chat.Status = reader.GetString(); }
            else if (reader.ValueTextEquals("closedAt"u8)) { reader.Read(); chat.ClosedAt = Int64OrNull(ref reader); }
            else if (reader.ValueTextEquals("rating"u8)) { reader.Read(); chat.Rating = reader.GetString(); }
            else if (reader.ValueTextEquals("createdAt"u8)) { reader.Read(); chat.CreatedAt = reader.GetInt64(); }
            else if (reader.ValueTextEquals("lastMessageAt"u8)) { reader.Read(); chat.LastMessageAt = Int64OrNull(ref reader); }
            else if (reader.ValueTextEquals("createdWith"u8)) { reader.Read(); chat.CreatedWith = reader.GetString(); }
            else if (reader.ValueTextEquals("readByAgent"u8)) { reader.Read(); chat.ReadByAgent = BooleanOrNull(ref reader); }
            else if (reader.ValueTextEquals("readByCustomer"u8)) { reader.Read(); chat.ReadByCustomer = BooleanOrNull(ref reader); }
            else if (reader.ValueTextEquals("snoozedUntil"u8)) { reader.Read(); chat.SnoozedUntil = Int64OrNull(ref reader); }
            else if (reader.ValueTextEquals("lastMessageText"u8)) { reader.Read(); chat.LastMessageText = reader.GetString(); }
            else if (reader.ValueTextEquals("lastMessageId"u8)) { reader.Read(); chat.LastMessageId = Int64OrNull(ref reader); }
            else if (reader.ValueTextEquals("applicationId"u8)) { reader.Read(); chat.ApplicationId = Int64OrNull(ref reader); }
            else if (reader.ValueTextEquals("lastCommunicatedAgentId"u8)) { reader.Read(); chat.LastCommunicatedAgentId = Int64OrNull(ref reader); }
            else if (reader.ValueTextEquals("agents"u8)) { reader.Read(); chat.Agents = ReadAgents(ref reader); }
            else if (reader.ValueTextEquals("customer"u8)) { reader.Read(); chat.Customer = ReadCustomer(ref reader); }
            else if (reader.ValueTextEquals("assignee"u8)) { reader.Read(); chat.Assignee = ReadAgent(ref reader); }
            else if (reader.ValueTextEquals("department"u8)) { reader.Read(); chat.Department = ReadDepartment(ref reader); }
            else { reader.Read(); reader.Skip(); }
        }

        return chat;
    }

    private static Customer? ReadCustomer(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var customer = new Customer();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); customer.Id = reader.GetInt64(); }
            else if (reader.ValueTextEquals("name"u8)) { reader.Read(); customer.Name = reader.GetString(); }
            else if (reader.ValueTextEquals("email"u8)) { reader.Read(); customer.Email = reader.GetString(); }
            else if (reader.ValueTextEquals("userId"u8)) { reader.Read(); customer.UserId = reader.GetString(); }
            else { reader.Read(); reader.Skip(); }
        }

        return customer;
    }

    private static Agent? ReadAgent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var agent = new Agent();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); agent.Id = reader.GetInt64(); }
            else if (reader.ValueTextEquals("name"u8)) { reader.Read(); agent.Name = reader.GetString(); }
            else if (reader.ValueTextEquals("email"u8)) { reader.Read(); agent.Email = reader.GetString(); }
            else if (reader.ValueTextEquals("role"u8)) { reader.Read(); agent.Role = reader.GetString(); }
            else { reader.Read(); reader.Skip(); }
        }

        return agent;
    }

    private static List<Agent>? ReadAgents(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var agents = new List<Agent>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            agents.Add(ReadAgent(ref reader) ?? throw new JsonException("A null agent in a list."));
        }

        return agents;
    }

    private static Department? ReadDepartment(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var department = new Department();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); department.Id = reader.GetInt64(); }
            else if (reader.ValueTextEquals("name"u8)) { reader.Read(); department.Name = reader.GetString(); }
            else if (reader.ValueTextEquals("agents"u8)) { reader.Read(); department.Agents = ReadAgents(ref reader); }
            else { reader.Read(); reader.Skip(); }
        }

        return department;
    }

    private static long? Int64OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    private static bool? BooleanOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }
}
