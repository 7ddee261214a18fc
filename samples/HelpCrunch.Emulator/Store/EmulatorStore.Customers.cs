using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator;

public sealed partial class EmulatorStore
{
    /// <summary>
    /// Adds the customer <paramref name="create"/> builds from the next free id. Null when another
    /// customer already has its <see cref="Customer.UserId"/> (userId is the integrator's unique key).
    /// </summary>
    public Customer? CreateCustomer(Func<int, Customer> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            var customer = create(NextId(_customers.Keys, 8738438));
            if (customer.UserId is { } userId && _customers.Values.Any(c => c.UserId == userId))
            {
                return null;
            }

            _customers.Add(customer.Id, customer);
            return customer;
        }
    }

    /// <summary>
    /// Atomically applies every update, or none (and returns null) when one of the customers does not
    /// exist. Returns each customer before and after, in order.
    /// </summary>
    public IReadOnlyList<(Customer Before, Customer After)>? ChangeCustomers(IReadOnlyList<(int Id, Func<Customer, Customer> Update)> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        lock (_gate)
        {
            foreach (var (id, _) in updates)
            {
                if (!_customers.ContainsKey(id))
                {
                    return null;
                }
            }

            var changes = new List<(Customer, Customer)>(updates.Count);
            foreach (var (id, update) in updates)
            {
                var before = _customers[id];
                var after = update(before) with { Id = id };
                _customers[id] = after;
                changes.Add((before, after));
            }

            return changes;
        }
    }

    /// <summary>Removes the customer with their chats, messages and events; returns the customer, or null when unknown.</summary>
    public Customer? DeleteCustomer(int id)
    {
        lock (_gate)
        {
            if (!_customers.Remove(id, out var customer))
            {
                return null;
            }

            // A chat's customer is required on the wire: chats do not outlive their customer.
            foreach (int chatId in _chats.Values.Where(c => c.CustomerId == id).Select(c => c.Id).ToArray())
            {
                _chats.Remove(chatId);
                foreach (int messageId in _messages.Values.Where(m => m.ChatId == chatId).Select(m => m.Id).ToArray())
                {
                    _messages.Remove(messageId);
                }
            }

            _events.RemoveAll(e => e.CustomerId == id);
            return customer;
        }
    }

    /// <summary>Records the event <paramref name="create"/> builds from the next free id; null when the customer does not exist.</summary>
    public CustomerEvent? AddEvent(int customerId, Func<int, CustomerEvent> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            if (!_customers.ContainsKey(customerId))
            {
                return null;
            }

            var customerEvent = create(NextId(_events.Select(e => e.Id), 1603885));
            _events.Add(customerEvent);
            return customerEvent;
        }
    }

    /// <summary>The customer's events, oldest first.</summary>
    public IReadOnlyList<CustomerEvent> GetEvents(int customerId)
    {
        lock (_gate)
        {
            return _events.Where(e => e.CustomerId == customerId).ToArray();
        }
    }
}
