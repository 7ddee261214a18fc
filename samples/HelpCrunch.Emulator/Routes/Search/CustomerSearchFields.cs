using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunch.Emulator.Store;

namespace HelpCrunch.Emulator.Routes.Search;

/// <summary>The customer search fields (docs §5.2; <c>customers.createdAt</c> is named in the page's text) and sort fields (§5.4).</summary>
internal static class CustomerSearchFields
{
    public static readonly IReadOnlyDictionary<string, SearchField<Customer>> All = new[]
    {
        SearchField<Customer>.Integer("customers.id", c => c.Id),
        SearchField<Customer>.String("customers.telegramId", c => c.Messengers.TelegramId),
        SearchField<Customer>.String("customers.facebookId", c => c.Messengers.FacebookId),
        SearchField<Customer>.String("customers.instagramId", c => c.Messengers.InstagramId),
        SearchField<Customer>.String("customers.viberId", c => c.Messengers.ViberId),
        SearchField<Customer>.String("customers.whatsappId", c => c.Messengers.WhatsappId),
        SearchField<Customer>.String("customers.name", c => c.Name),
        SearchField<Customer>.String("customers.email", c => c.Email),
        SearchField<Customer>.String("customers.company", c => c.Company),
        SearchField<Customer>.String("customers.phone", c => c.Phone),
        SearchField<Customer>.String("customers.countryCode", c => c.CountryCode),
        SearchField<Customer>.String("customers.city", c => c.City),
        SearchField<Customer>.String("customers.regionCode", c => c.RegionCode),
        new SearchField<Customer>("customers.tagsData", FieldKind.Tags) { Tags = c => c.Tags },
        SearchField<Customer>.Date("customers.lastSeen", c => c.LastSeen),
        SearchField<Customer>.String("customers.userId", c => c.UserId),
        SearchField<Customer>.Date("customers.createdAt", c => c.CreatedAt),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static readonly IReadOnlyCollection<string> SortFields = new[] { "customers.firstSeen", "customers.lastSeen" };

    public static DateTimeOffset? SortKey(Customer customer, string field) =>
        field == "customers.firstSeen" ? customer.FirstSeen : customer.LastSeen;
}
