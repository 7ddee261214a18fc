using System.Net;
using HelpCrunch.Api;
using HelpCrunchGen.Runtime;
using Params.Api;

namespace HelpCrunchGen.Client.Tests.Fuzz;

/// <summary>
/// The generated operations a fuzz response is sent to: a chat, a small object, no body at all, and bare values
/// (a Unix time, a map, an array) that the generated client reads with the runtime's readers directly.
/// </summary>
internal enum FuzzOperation
{
    UpdateChatAssignee,
    ListMessages,
    DeleteMessages,
    GetSnoozedUntil,
    GetLabels,
    GetMessageIds,
}

/// <summary>
/// Sends each fuzz response through a generated client (one stub handler, no network) and tallies what came out.
/// Allowed: a value, or an <see cref="ApiException"/> with the response's status code and, when that status was a
/// success for the operation, the reason the body could not be read. Anything else is a finding.
/// </summary>
internal sealed class FuzzRunner
{
    public static readonly FuzzOperation[] AllOperations = Enum.GetValues<FuzzOperation>();

    private const int MaxFindingsShown = 25;

    // An exception message is logged whole; a response must not be able to make it long.
    private const int MaxMessageLength = 4096;

    private readonly StubHandler _handler = new();
    private readonly HelpCrunchClient _helpCrunch;
    private readonly ParamsApi _params;
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly List<string> _findings = [];

    public FuzzRunner()
    {
        var httpClient = new HttpClient(_handler);
        var options = new ApiClientOptions { ApiKey = "hc-fuzz-key-0123456789" };
        _helpCrunch = new HelpCrunchClient(httpClient, options);
        _params = new ParamsApi(httpClient, options);
    }

    public int Cases { get; private set; }

    public int FindingCount { get; private set; }

    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    public IReadOnlyList<string> Findings => _findings;

    public async Task RunAsync(string suite, FuzzResponse response, FuzzOperation operation)
    {
        Cases++;
        _handler.Next = response;
        string outcome;
        try
        {
            await CallAsync(operation);
            outcome = "success";
        }
        catch (ApiException error)
        {
            outcome = $"ApiException {StatusClass(error.StatusCode)}";
            string? problem = CheckApiException(error, response, operation);
            if (problem is not null)
            {
                Report(suite, response, operation, problem);
                outcome += " (finding)";
            }
        }
        catch (OperationCanceledException)
        {
            outcome = "OperationCanceledException";
        }
        catch (Exception ex)
        {
            Report(suite, response, operation, ex.ToString());
            outcome = ex.GetType().Name + " (finding)";
        }

        _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
    }

    private Task CallAsync(FuzzOperation operation) => operation switch
    {
        FuzzOperation.UpdateChatAssignee => _helpCrunch.UpdateChatAssigneeAsync(new UpdateChatAssigneeRequest { Id = 5214000, Assignee = 4188 }),
        FuzzOperation.ListMessages => _params.ListMessagesAsync(1, "s"),
        FuzzOperation.DeleteMessages => _params.DeleteMessagesAsync(1, "s"),
        FuzzOperation.GetSnoozedUntil => _params.GetSnoozedUntilAsync(1),
        FuzzOperation.GetLabels => _params.GetLabelsAsync(1),
        FuzzOperation.GetMessageIds => _params.GetMessageIdsAsync(1),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static string? CheckApiException(ApiException error, FuzzResponse response, FuzzOperation operation)
    {
        if ((int)error.StatusCode != response.Status)
        {
            return $"status {(int)error.StatusCode}, but the response had {response.Status}";
        }

        if (error.Message.Length > MaxMessageLength)
        {
            return $"a message of {error.Message.Length:N0} chars: the response decides how much every log line holds";
        }

        bool listedSuccess = response.Status == (operation == FuzzOperation.DeleteMessages ? 204 : 200);
        if (listedSuccess && error.InnerException is null)
        {
            return "a success status with an unreadable body, but no inner exception says why: " + error.Message;
        }

        return null;
    }

    private void Report(string suite, FuzzResponse response, FuzzOperation operation, string problem)
    {
        FindingCount++;
        if (_findings.Count < MaxFindingsShown)
        {
            _findings.Add($"[{suite}] {operation} ← {response}{Environment.NewLine}    {problem}");
        }
    }

    private static string StatusClass(HttpStatusCode status) => $"{(int)status / 100}xx";

    private sealed class StubHandler : HttpMessageHandler
    {
        public FuzzResponse? Next { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Next!.ToMessage());
    }
}
