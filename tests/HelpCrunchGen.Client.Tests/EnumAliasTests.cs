using System.Text;
using System.Text.Json;
using Enums.Api;

namespace HelpCrunchGen.Client.Tests;

/// <summary>
/// Extensible enums with <c>x-enum-aliases</c> (Specs/enums.yaml): every spelling of a value is that value for
/// <c>==</c>, <c>IsKnown</c>, hashing and <c>switch</c>, and goes back on the wire spelled as it came.
/// </summary>
public sealed class EnumAliasTests
{
    private static Ticket ReadTicket(string status) =>
        JsonSerializer.Deserialize($$"""{"id":1,"status":"{{status}}"}""", EnumsJsonContext.Default.Ticket)!;

    [Theory]
    [InlineData("on hold")]
    [InlineData("on-hold")]
    [InlineData("onhold")]
    public void Every_spelling_is_the_value_for_equality_is_known_and_kind(string spelling)
    {
        var status = new TicketStatus(spelling);

        Assert.True(TicketStatus.OnHold == status);
        Assert.True(status == TicketStatus.OnHold);
        Assert.False(status != TicketStatus.OnHold);
        Assert.True(status.Equals((object)TicketStatus.OnHold));
        Assert.NotEqual(TicketStatus.Opened, status);
        Assert.True(status.IsKnown);
        Assert.Equal(TicketStatusKind.OnHold, status.Kind);
        Assert.Equal(TicketStatus.OnHold.GetHashCode(), status.GetHashCode());
        Assert.Equal(spelling, status.ToString());
    }

    [Fact]
    public void The_open_alias_is_opened_and_a_hash_set_sees_one_value()
    {
        var seen = new HashSet<TicketStatus> { "opened", "open", TicketStatus.Opened, "on-hold", "onhold" };

        Assert.Equal(TicketStatus.Opened, (TicketStatus)"open");
        Assert.Equal(2, seen.Count);
        Assert.Contains(TicketStatus.OnHold, seen);
    }

    [Fact]
    public void Unknown_values_compare_by_their_exact_text()
    {
        var odd = new TicketStatus("On Hold");

        Assert.False(odd.IsKnown);
        Assert.Equal(TicketStatusKind.Unknown, odd.Kind);
        Assert.NotEqual(TicketStatus.OnHold, odd);
        Assert.Equal(new TicketStatus("On Hold"), odd);
        Assert.Equal(new TicketStatus("On Hold").GetHashCode(), odd.GetHashCode());
        Assert.NotEqual(new TicketStatus("on Hold"), odd);
    }

    [Theory]
    [InlineData("new", "fresh")]
    [InlineData("open", "being handled")]
    [InlineData("opened", "being handled")]
    [InlineData("on-hold", "waiting")]
    [InlineData("onhold", "waiting")]
    [InlineData("closed", "done")]
    [InlineData("archived", "something else: archived")]
    public void Switch_on_kind_covers_aliases(string wire, string expected)
    {
        TicketStatus status = ReadTicket(wire).Status;

        string described = status.Kind switch
        {
            TicketStatusKind.New => "fresh",
            TicketStatusKind.Opened => "being handled",
            TicketStatusKind.OnHold => "waiting",
            TicketStatusKind.Closed => "done",
            _ => "something else: " + status,
        };

        Assert.Equal(expected, described);
    }

    [Theory]
    [InlineData("on-hold")]
    [InlineData("onhold")]
    [InlineData("on hold")]
    [InlineData("open")]
    [InlineData("archived")]
    public void Reading_then_writing_keeps_the_spelling(string wire)
    {
        Ticket ticket = ReadTicket(wire);

        string json = JsonSerializer.Serialize(ticket, EnumsJsonContext.Default.Ticket);

        Assert.Equal(wire, ticket.Status.ToString());
        Assert.Contains($"\"status\":\"{wire}\"", json);
    }

    [Fact]
    public void An_alias_listed_in_enum_is_not_a_member_of_its_own()
    {
        Assert.Equal(["Unknown", "New", "Opened", "OnHold", "Closed"], Enum.GetNames<TicketStatusKind>());
        Assert.Equal(
            ["Closed", "New", "OnHold", "Opened"],
            typeof(TicketStatus).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(p => p.Name).Order());
    }

    [Fact]
    public void Reading_known_values_and_aliases_allocates_nothing()
    {
        byte[][] payloads = new[] { "\"onhold\"", "\"on-hold\"", "\"open\"", "\"closed\"" }.Select(Encoding.UTF8.GetBytes).ToArray();
        ReadAll(payloads); // JIT and static initialisation first

        long before = GC.GetAllocatedBytesForCurrentThread();
        TicketStatus last = ReadAll(payloads);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal("closed", last.ToString());

        static TicketStatus ReadAll(byte[][] payloads)
        {
            TicketStatus last = default;
            foreach (byte[] payload in payloads)
            {
                var reader = new Utf8JsonReader(payload);
                reader.Read();
                last = TicketStatusJsonConverter.ReadValue(ref reader);
            }

            return last;
        }
    }

    [Fact]
    public void An_alias_read_twice_is_the_same_cached_string()
    {
        Ticket first = ReadTicket("on-hold");
        Ticket second = ReadTicket("on-hold");

        Assert.Same(first.Status.ToString(), second.Status.ToString());
    }

    [Fact]
    public void The_default_value_is_defined_but_never_written()
    {
        TicketStatus none = default;

        Assert.Equal(string.Empty, none.ToString());
        Assert.False(none.IsKnown);
        Assert.Equal(TicketStatusKind.Unknown, none.Kind);
        Assert.NotEqual(new TicketStatus(""), none);

        ArgumentException direct = Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(none, EnumsJsonContext.Default.TicketStatus));
        Assert.Contains("default(TicketStatus)", direct.Message);
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(new Ticket { Id = 1, Status = none }, EnumsJsonContext.Default.Ticket));
    }

    [Fact]
    public void An_empty_string_is_a_value_and_is_written()
    {
        string json = JsonSerializer.Serialize(new TicketStatus(""), EnumsJsonContext.Default.TicketStatus);

        Assert.Equal("\"\"", json);
    }
}
