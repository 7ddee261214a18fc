using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Collects the <c>x-error-codes</c> of every operation into one class of constants: each code once, with the
/// operations and statuses that list it. The class is named after the client (<c>HelpCrunchClient</c> →
/// <c>HelpCrunchErrorCodes</c>) and yields to the spec's schemas, which were named first.
/// </summary>
internal sealed class ErrorCodeCatalog
{
    private readonly ReadContext _context;
    // Per code: where it was first written, and each operation that lists it with its statuses, in spec order.
    private readonly List<(string Code, YamlNode Node, List<(string OperationId, List<string> Statuses)> UsedBy)> _codes = [];
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    public ErrorCodeCatalog(ReadContext context) => _context = context;

    public void Add(string operationId, IEnumerable<ReadResponse> responses)
    {
        foreach (ReadResponse response in responses)
        {
            for (int i = 0; i < response.Spec.ErrorCodes.Count; i++)
            {
                string code = response.Spec.ErrorCodes[i];
                if (!_indexes.TryGetValue(code, out int index))
                {
                    index = _codes.Count;
                    _indexes.Add(code, index);
                    _codes.Add((code, response.CodeNodes[i], []));
                }

                var usedBy = _codes[index].UsedBy;
                int use = usedBy.FindIndex(u => u.OperationId == operationId);
                if (use < 0)
                {
                    usedBy.Add((operationId, []));
                    use = usedBy.Count - 1;
                }

                if (!usedBy[use].Statuses.Contains(response.Spec.StatusCode))
                {
                    usedBy[use].Statuses.Add(response.Spec.StatusCode);
                }
            }
        }
    }

    public ErrorCodesSpec? Build(string clientName)
    {
        if (_codes.Count == 0)
        {
            return null;
        }

        string className = _context.ClaimTypeName(ClassName(clientName), "the error codes of the API", _codes[0].Node, withConverter: false);
        var scope = new NameScope();
        scope.Reserve(className, "the class itself");
        var codes = new List<ErrorCodeSpec>();
        foreach ((string code, YamlNode node, List<(string OperationId, List<string> Statuses)> usedBy) in _codes)
        {
            string desired = Identifiers.ToPascalCase(code);
            if (scope.OwnerOf(desired) == "the class itself")
            {
                desired += "Value"; // CS0542: a member cannot be named like its class
            }

            codes.Add(new ErrorCodeSpec(code, _context.Claim(scope, desired, $"error code '{code}'", node), usedBy.Select(u => new ErrorCodeUse(u.OperationId, u.Statuses.ToEquatableArray())).ToEquatableArray()));
        }

        return new ErrorCodesSpec(className, codes.ToEquatableArray());
    }

    /// <summary><c>HelpCrunchClient</c> → <c>HelpCrunchErrorCodes</c>; a name without the suffix keeps it whole.</summary>
    private static string ClassName(string clientName)
    {
        const string suffix = "Client";
        string stem = clientName.EndsWith(suffix, StringComparison.Ordinal) && clientName.Length > suffix.Length
            ? clientName.Substring(0, clientName.Length - suffix.Length)
            : clientName;
        return stem + "ErrorCodes";
    }
}
