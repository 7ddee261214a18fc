using System.Net;
using HelpCrunch.Api;
using HelpCrunchGen.Runtime;

namespace HelpCrunchGen.Client.Tests.EndToEnd;

/// <summary>Agents, departments, the organization and applications through the generated client against the running emulator.</summary>
public sealed class TeamEndToEndTests
{
    [Fact]
    public async Task Agents_departments_organization_and_applications_are_served()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();

        ListAgentsResponse agents = await session.Client.ListAgentsAsync();
        ListAgentsResponse secondAgent = await session.Client.ListAgentsAsync(offset: 1, limit: 1);
        ListDepartmentsResponse departments = await session.Client.ListDepartmentsAsync();
        GetOrganizationResponse organization = await session.Client.GetOrganizationAsync();
        ListApplicationsResponse applications = await session.Client.ListApplicationsAsync();

        Assert.NotEmpty(agents.Data!);
        Assert.All(agents.Data!, agent => Assert.True(agent.Role!.Value.IsKnown, $"role {agent.Role}"));
        Assert.Equal(agents.Meta!.Total, secondAgent.Meta!.Total);
        Assert.Equal(agents.Data![1].Id, Assert.Single(secondAgent.Data!).Id);
        Assert.NotEmpty(departments.Data!);
        Assert.Contains(departments.Data!, department => department.Agents is { Count: > 0 });
        Assert.All(departments.Data!.SelectMany(d => d.Agents ?? []), agent => Assert.Contains(agents.Data!, a => a.Id == agent.Id));
        Assert.True(organization.Data.Id > 0);
        Assert.False(string.IsNullOrEmpty(organization.Data.Domain));
        Assert.NotEmpty(applications.Data!);
    }

    [Fact]
    public async Task Unsubscribing_an_agent_answers_Ok_and_an_unknown_agent_is_404()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        long agent = await session.AnyAgentIdAsync();

        Assert.Equal("Ok", await session.Client.UnsubscribeAgentAsync(agent));
        await Fails.WithStatusAsync(HttpStatusCode.NotFound, () => session.Client.UnsubscribeAgentAsync(999_999), "unsubscribeAgent");
    }

    [Fact]
    public async Task Every_operation_refuses_a_wrong_key_with_401()
    {
        await using EmulatorSession session = await EmulatorSession.StartAsync();
        HelpCrunchClient wrong = session.ClientWithKey("not-the-key");

        (string Operation, Func<Task> Call)[] calls =
        [
            ("listAgents", () => wrong.ListAgentsAsync()),
            ("listDepartments", () => wrong.ListDepartmentsAsync()),
            ("getOrganization", () => wrong.GetOrganizationAsync()),
            ("listApplications", () => wrong.ListApplicationsAsync()),
            ("unsubscribeAgent", () => wrong.UnsubscribeAgentAsync(1)),
            ("listChats", () => wrong.ListChatsAsync()),
            ("getChat", () => wrong.GetChatAsync(1)),
            ("listCustomers", () => wrong.ListCustomersAsync()),
            ("getCustomer", () => wrong.GetCustomerAsync(1)),
            ("deleteCustomer", () => wrong.DeleteCustomerAsync(1)),
            ("listMessages", () => wrong.ListMessagesAsync(1)),
        ];

        foreach ((string operation, Func<Task> call) in calls)
        {
            ApiException error = await Fails.WithStatusAsync(HttpStatusCode.Unauthorized, call, operation);
            Assert.True(error.HasAnyCode(HelpCrunchErrorCodes.InvalidToken, HelpCrunchErrorCodes.Unauthorized), operation);
        }
    }
}
