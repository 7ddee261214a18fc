namespace HelpCrunch.Emulator.Middleware;

/// <summary>
/// Marks the endpoints of the emulated API (everything mapped under <c>/v1</c>). Authentication and
/// rate limiting apply only to endpoints carrying it, so an unknown path answers 404 and a wrong
/// method 405 whatever the key — handy when a client builds a URL wrong.
/// </summary>
internal sealed class ApiEndpointMetadata
{
    public static readonly ApiEndpointMetadata Instance = new();

    private ApiEndpointMetadata()
    {
    }
}
