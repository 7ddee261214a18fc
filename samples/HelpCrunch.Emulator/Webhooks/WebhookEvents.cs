using System.Linq;
using System.Text.Json;
using HelpCrunch.Emulator.Store;
using HelpCrunch.Emulator.Wire;

namespace HelpCrunch.Emulator.Webhooks;

/// <summary>
/// Which webhooks a change raises, and their <c>eventData</c>. Chat data follows the docs' sample
/// (timestamps as fractional strings such as <c>"1607542030.713"</c>, <c>communicatedAgents</c> as ids);
/// customer data is <c>{id, name, userId, email, unsubscribed, customData}</c>.
/// </summary>
internal static class WebhookEvents
{
    public static void ChatCreated(Emulation emulation, Chat chat) => SendChat(emulation, "chat.new", chat);

    /// <summary>Raises one webhook per kind of change between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static void ChatChanged(Emulation emulation, Chat before, Chat after)
    {
        if (before.Status != after.Status)
        {
            SendChat(emulation, "chat.status_updated", after);
            if (after.Status == ChatStatuses.Closed)
            {
                SendChat(emulation, "chat.closed", after);
            }
        }

        if (before.AssigneeId != after.AssigneeId)
        {
            SendChat(emulation, "chat.assigned", after);
        }

        if (before.SnoozedUntil != after.SnoozedUntil)
        {
            SendChat(emulation, after.SnoozedUntil is null ? "chat.unsnoozed" : "chat.snoozed", after);
        }

        if (before.Rating != after.Rating && after.Rating is not null)
        {
            SendChat(emulation, "chat.rated", after);
        }
    }

    public static void CustomerCreated(Emulation emulation, Customer customer) => SendCustomer(emulation, "customer.new", customer);

    public static void CustomerDeleted(Emulation emulation, Customer customer) => SendCustomer(emulation, "customer.deleted", customer);

    public static void CustomerChanged(Emulation emulation, Customer before, Customer after)
    {
        if (before.Email != after.Email)
        {
            SendCustomer(emulation, "customer.email_updated", after);
        }

        if (!before.Tags.SequenceEqual(after.Tags))
        {
            SendCustomer(emulation, "customer.tags_changed", after);
        }

        if (before.Unsubscribed != after.Unsubscribed)
        {
            SendCustomer(emulation, after.Unsubscribed ? "customer.unsubscribed" : "customer.subscribed", after);
        }

        if (before.Blocked != after.Blocked)
        {
            SendCustomer(emulation, after.Blocked ? "customer.blocked" : "customer.unblocked", after);
        }
    }

    private static void SendChat(Emulation emulation, string name, Chat chat)
    {
        var store = emulation.Store;
        emulation.Webhooks.Enqueue(name, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", chat.Id);
            writer.WriteStartArray("communicatedAgents");
            foreach (int agentId in chat.AgentIds)
            {
                writer.WriteNumberValue(agentId);
            }

            writer.WriteEndArray();
            CustomerWire.WriteRefOrNull(writer, "customer", store.FindCustomer(chat.CustomerId));
            writer.WriteString("closedBy", chat.ClosedBy);
            writer.WriteString("status", chat.Status);
            UnixTime.WriteFractional(writer, "closedAt", chat.ClosedAt);
            writer.WriteString("rating", chat.Rating);
            UnixTime.WriteFractional(writer, "createdAt", chat.CreatedAt);
            UnixTime.WriteFractional(writer, "snoozedUntil", chat.SnoozedUntil);
            writer.WriteNumber("applicationId", chat.ApplicationId);
            AgentWire.WriteOrNull(writer, "assignee", chat.AssigneeId is { } assigneeId ? store.FindAgent(assigneeId) : null);
            DepartmentWire.WriteRefOrNull(writer, "department", chat.DepartmentId is { } departmentId ? store.FindDepartment(departmentId) : null);
            writer.WriteEndObject();
        });
    }

    private static void SendCustomer(Emulation emulation, string name, Customer customer) =>
        emulation.Webhooks.Enqueue(name, writer => WriteCustomerData(writer, customer));

    private static void WriteCustomerData(Utf8JsonWriter writer, Customer customer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", customer.Id);
        writer.WriteString("name", customer.Name);
        writer.WriteString("userId", customer.UserId);
        writer.WriteString("email", customer.Email);
        writer.WriteBoolean("unsubscribed", customer.Unsubscribed);
        CustomerWire.WriteCustomData(writer, customer);
        writer.WriteEndObject();
    }
}
