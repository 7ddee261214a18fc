using System;
using System.Collections.Generic;
using System.Linq;
using HelpCrunchGen.Generator.Model;

namespace HelpCrunchGen.Generator.Reading;

/// <summary>
/// Drops the schemas that only responses the client never reads lead to (error bodies: the runtime reads error
/// envelopes itself). A schema no operation refers to at all is kept: users add models before operations.
/// </summary>
internal static class SchemaReachability
{
    /// <param name="alsoUsed">Types read outside operations (webhooks): roots, like what the client reads.</param>
    public static EquatableArray<SchemaSpec> Emitted(EquatableArray<SchemaSpec> schemas, EquatableArray<OperationSpec> operations, IEnumerable<TypeSpec>? alsoUsed = null)
    {
        Dictionary<string, SchemaSpec> byName = schemas.ToDictionary(s => s.TypeName, StringComparer.Ordinal);

        var used = new List<TypeSpec>(alsoUsed ?? []);
        var unread = new List<TypeSpec>();
        foreach (OperationSpec operation in operations)
        {
            used.AddRange(operation.Parameters.Select(p => p.Type));
            if (operation.RequestBody is { } body)
            {
                used.Add(body.Type);
            }

            if (operation.Plan.ResultType is { } result)
            {
                used.Add(result);
            }

            unread.AddRange(operation.Responses.Select(r => r.Body).Where(b => b is not null && !b.Equals(operation.Plan.ResultType))!);
        }

        HashSet<string> onlyUnread = Closure(unread, byName);
        if (onlyUnread.Count == 0)
        {
            return schemas;
        }

        // Roots: what the client reads and writes, plus every schema that no unread response leads to.
        used.AddRange(schemas.Where(s => !onlyUnread.Contains(s.TypeName)).Select(s => new TypeSpec(TypeKind.Object, TypeName: s.TypeName)));
        HashSet<string> emitted = Closure(used, byName);
        return schemas.Where(s => emitted.Contains(s.TypeName)).ToEquatableArray();
    }

    private static HashSet<string> Closure(IEnumerable<TypeSpec> roots, Dictionary<string, SchemaSpec> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeSpec>(roots);
        while (pending.Count > 0)
        {
            TypeSpec type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
            }

            if (type.TypeName is { } name && byName.TryGetValue(name, out SchemaSpec? schema) && seen.Add(name))
            {
                foreach (PropertySpec property in schema.Properties)
                {
                    pending.Push(property.Type);
                }
            }
        }

        return seen;
    }
}
