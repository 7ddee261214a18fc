using System.Net;
using System.Net.Sockets;
using HelpCrunch.Emulator.Tests.TestSupport;

namespace HelpCrunch.Emulator.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Port_zero_reports_the_real_bound_port_and_the_v1_root()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync();

        Assert.InRange(emulator.Port, 1, 65535);
        Assert.Equal(emulator.Port, emulator.BaseAddress.Port);
        Assert.Equal("http", emulator.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.Equal($"http://127.0.0.1:{emulator.Port}/v1", emulator.BaseAddress.ToString());
        Assert.Equal(Api.DefaultKey, emulator.ApiKey);

        // Something really listens there: a TCP connect succeeds and HTTP answers.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, emulator.Port);
        }

        using var http = Api.CreateClient(emulator);
        using var response = await http.GetAsync(Api.Url(emulator, "/does-not-exist"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_explicit_port_is_used()
    {
        // An explicit port can only be probed, then bound: another process may take it in between. That shows up as
        // IOException (the start fails as documented); try another port then, since it says nothing about the option.
        for (int attempt = 1; ; attempt++)
        {
            int port = ProbeUnusedPort();
            try
            {
                await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { Port = port });

                Assert.Equal(port, emulator.Port);
                Assert.Equal(port, emulator.BaseAddress.Port);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
            }
        }
    }

    [Fact]
    public async Task A_port_in_use_fails_the_start()
    {
        await using var first = await HelpCrunchEmulator.StartAsync();

        await Assert.ThrowsAsync<IOException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { Port = first.Port }));
    }

    [Fact]
    public async Task Dispose_stops_the_server_and_can_be_called_twice()
    {
        var emulator = await HelpCrunchEmulator.StartAsync();
        var url = Api.Url(emulator, "/chats/assignee");

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PutAsync(url, new StringContent("{}")));
    }

    [Fact]
    public async Task Instances_do_not_share_state()
    {
        await using var a = await HelpCrunchEmulator.StartAsync();
        await using var b = await HelpCrunchEmulator.StartAsync();
        Assert.NotEqual(a.Port, b.Port);
        Assert.NotSame(a.Store, b.Store);

        using var http = Api.CreateClient(a);
        using var response = await Api.AssignAsync(http, a, 5214000, 4188);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(4188, a.Store.FindChat(5214000)!.AssigneeId);
        Assert.Null(b.Store.FindChat(5214000)!.AssigneeId);
    }

    [Fact]
    public async Task A_custom_api_key_replaces_the_default()
    {
        await using var emulator = await HelpCrunchEmulator.StartAsync(new EmulatorOptions { ApiKey = "s3cret" });
        Assert.Equal("s3cret", emulator.ApiKey);

        using (var withDefault = Api.CreateClient(emulator, "Bearer " + Api.DefaultKey))
        using (var rejected = await Api.AssignAsync(withDefault, emulator, 5214000, 4188))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        using var withCustom = Api.CreateClient(emulator, "Bearer s3cret");
        using var accepted = await Api.AssignAsync(withCustom, emulator, 5214000, 4188);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Invalid_options_are_rejected_before_binding()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { Port = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { Port = 70000 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { RequestsPerMinute = 0 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => HelpCrunchEmulator.StartAsync(new EmulatorOptions { ApiKey = " " }));
    }

    private static int ProbeUnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
