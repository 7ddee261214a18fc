using System.Text;
using System.Text.Json;

namespace HelpCrunchGen.Client.Tests.Fuzz;

/// <summary>
/// Builds fuzz responses from documentation payloads. Deterministic: the same seed number gives the same cases.
/// </summary>
internal sealed class ResponseMutator(int seed)
{
    // Success and error classes, listed and unlisted, and the edges HttpStatusCode allows.
    public static readonly int[] Statuses = [0, 100, 200, 201, 204, 299, 304, 400, 401, 404, 409, 422, 429, 500, 502, 503, 599, 999];

    private static readonly byte[][] s_wholeBodies =
    [
        [],
        [0xEF, 0xBB, 0xBF],
        "null"u8.ToArray(),
        "{}"u8.ToArray(),
        "[]"u8.ToArray(),
        "\"\""u8.ToArray(),
        "1e400"u8.ToArray(),
        "<html><body>502 Bad Gateway</body></html>"u8.ToArray(),
        "{\"errors\":null}"u8.ToArray(),
        "{\"errors\":[null,1,\"x\",[],{\"code\":{},\"message\":[]}]}"u8.ToArray(),
        "{\"errors\":[{\"code\":1e400,\"message\":-0}]}"u8.ToArray(),
        [0xC0, 0xAF, 0xFF, 0xFE, 0x80],
        [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'],
        [0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0],
    ];

    private static readonly byte[] s_insertable = [.. "{}[]\",:\\\0"u8, 0xFF, 0xC3];

    private readonly Random _random = new(seed);

    /// <summary>The seed as documented, then in every framing, at a success, a client-error and a server-error status.</summary>
    public static IEnumerable<FuzzResponse> Framings(Seed seed)
    {
        yield return new FuzzResponse(seed.Status, seed.Body, Framing.Json);
        foreach (Framing framing in FuzzResponse.AllFramings)
        {
            foreach (int status in (int[])[200, 400, 503])
            {
                yield return new FuzzResponse(status, seed.Body, framing);
            }
        }

        foreach (string retryAfter in FuzzResponse.RetryAfterValues)
        {
            yield return new FuzzResponse(seed.IsError ? seed.Status : 429, seed.Body, Framing.Json, retryAfter);
        }

        byte[] withBom = [0xEF, 0xBB, 0xBF, .. seed.Body];
        yield return new FuzzResponse(seed.Status, withBom, Framing.Json);
        yield return new FuzzResponse(seed.IsError ? 200 : 400, withBom, Framing.ChunkedNoLength);
    }

    /// <summary>The seed cut after every byte (so also empty), at its documented status.</summary>
    public static IEnumerable<FuzzResponse> Truncations(Seed seed)
    {
        for (int length = 0; length < seed.Body.Length; length++)
        {
            yield return new FuzzResponse(seed.Status, seed.Body.AsSpan(0, length).ToArray(), Framing.Json);
        }
    }

    /// <summary>Every structural mutation applied to every value of the seed, one at a time.</summary>
    public IEnumerable<FuzzResponse> EveryValueMutation(Seed seed)
    {
        using JsonDocument document = JsonDocument.Parse(seed.Body);
        int values = JsonMutator.CountValues(document.RootElement);
        var cases = new List<FuzzResponse>();
        for (int index = 0; index < values; index++)
        {
            foreach (ValueMutation mutation in JsonMutator.AllMutations)
            {
                byte[] body = JsonMutator.Apply(document.RootElement, new Dictionary<int, ValueMutation> { [index] = mutation }, _random);
                cases.Add(new FuzzResponse(seed.Status, body, Framing.Json));
            }
        }

        return cases;
    }

    /// <summary>Bodies that are not documentation payloads at all, at every status and framing.</summary>
    public static IEnumerable<FuzzResponse> OddBodies()
    {
        byte[][] bodies =
        [
            .. s_wholeBodies,
            JsonMutator.DeepNesting("[", "]"),
            JsonMutator.DeepNesting("{\"errors\":", "}"),
            JsonMutator.DeepNesting("{\"errors\":[", "]}"),
        ];
        foreach (byte[] body in bodies)
        {
            foreach (int status in Statuses)
            {
                foreach (Framing framing in FuzzResponse.AllFramings)
                {
                    yield return new FuzzResponse(status, body, framing);
                }
            }
        }
    }

    /// <summary>Bare values (other types, extreme numbers, odd strings) as the whole body of a success.</summary>
    public static IEnumerable<FuzzResponse> BareValues() =>
        JsonMutator.ReplacementBodies().Select(body => new FuzzResponse(200, body, Framing.Json));

    /// <summary>
    /// Strings of 8 MiB in a chat and in an error envelope (beyond the error body cap and the first buffer), and an
    /// error envelope of 800 KiB that fits under it.
    /// </summary>
    public static IEnumerable<FuzzResponse> HugeBodies()
    {
        string huge = new('x', 8 * 1024 * 1024);
        byte[] chat = Encoding.UTF8.GetBytes($$$"""{"id":1,"status":"{{{huge}}}","createdAt":1,"customer":{"id":2}}""");
        byte[] error = Encoding.UTF8.GetBytes($$"""{"errors":[{"code":"c","message":"{{huge}}"}]}""");
        string half = new('y', 400 * 1024);
        byte[] errorWithinCap = Encoding.UTF8.GetBytes($$"""{"errors":[{"code":"{{half}}","message":"{{half}}"},{"code":"c","message":"m"}]}""");
        foreach (byte[] body in (byte[][])[chat, error, errorWithinCap])
        {
            foreach (int status in (int[])[200, 204, 400, 500])
            {
                yield return new FuzzResponse(status, body, Framing.Json);
                yield return new FuzzResponse(status, body, Framing.ChunkedNoLength);
            }
        }
    }

    /// <summary>
    /// A random case: a seed, one to three structural mutations, maybe byte damage, a random status and framing.
    /// </summary>
    public FuzzResponse Next(IReadOnlyList<Seed> seeds)
    {
        Seed seed = seeds[_random.Next(seeds.Count)];
        byte[] body = seed.Body;
        if (_random.Next(4) != 0)
        {
            using JsonDocument document = JsonDocument.Parse(body);
            int values = JsonMutator.CountValues(document.RootElement);
            var mutations = new Dictionary<int, ValueMutation>();
            for (int i = _random.Next(1, 4); i > 0; i--)
            {
                mutations[_random.Next(values)] = JsonMutator.AllMutations[_random.Next(JsonMutator.AllMutations.Length)];
            }

            body = JsonMutator.Apply(document.RootElement, mutations, _random);
        }

        if (_random.Next(3) == 0)
        {
            body = DamageBytes(body);
        }

        int status = _random.Next(3) == 0 ? Statuses[_random.Next(Statuses.Length)] : seed.Status;
        Framing framing = _random.Next(2) == 0 ? Framing.Json : FuzzResponse.AllFramings[_random.Next(FuzzResponse.AllFramings.Length)];
        string? retryAfter = _random.Next(4) == 0 ? FuzzResponse.RetryAfterValues[_random.Next(FuzzResponse.RetryAfterValues.Length)] : null;
        return new FuzzResponse(status, body, framing, retryAfter);
    }

    private byte[] DamageBytes(byte[] body)
    {
        var bytes = new List<byte>(body);
        int position = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
        switch (_random.Next(6))
        {
            case 0: // truncate
                bytes.RemoveRange(position, bytes.Count - position);
                break;
            case 1: // flip one byte
                if (bytes.Count > 0)
                {
                    bytes[position] ^= (byte)(1 << _random.Next(8));
                }

                break;
            case 2: // insert a structural, NUL or invalid byte
                bytes.Insert(position, s_insertable[_random.Next(s_insertable.Length)]);
                break;
            case 3: // delete a run
                bytes.RemoveRange(position, Math.Min(_random.Next(1, 16), bytes.Count - position));
                break;
            case 4: // a second value after the first
                bytes.AddRange(" {}"u8.ToArray());
                break;
            default: // a byte order mark, even where it does not belong
                bytes.InsertRange(position, [0xEF, 0xBB, 0xBF]);
                break;
        }

        return bytes.ToArray();
    }
}
