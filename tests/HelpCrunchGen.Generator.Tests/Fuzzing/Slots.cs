namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>A place in the tree that holds a node: an entry of a mapping or an item of a sequence.</summary>
internal sealed class Slot(YNode container, int index, string path, string key, string parentKey)
{
    public YNode Container { get; } = container;

    public int Index { get; } = index;

    /// <summary>A readable JSON-pointer-like path, for the mutation log.</summary>
    public string Path { get; } = path;

    /// <summary>The mapping key that holds the node, or "-" for a sequence item.</summary>
    public string Key { get; } = key;

    /// <summary>The key that holds the container (<c>properties</c>, <c>enum</c>, <c>parameters</c> …).</summary>
    public string ParentKey { get; } = parentKey;

    public YEntry? Entry => Container is YMap map ? map.Entries[Index] : null;

    public YNode Node
    {
        get => Container is YMap map ? map.Entries[Index].Value : ((YSeq)Container).Items[Index];
        set
        {
            if (Container is YMap map)
            {
                map.Entries[Index].Value = value;
            }
            else
            {
                ((YSeq)Container).Items[Index] = value;
            }
        }
    }

    public void Remove()
    {
        if (Container is YMap map)
        {
            map.Entries.RemoveAt(Index);
        }
        else
        {
            ((YSeq)Container).Items.RemoveAt(Index);
        }
    }

    /// <summary>Every slot under <paramref name="root"/>.</summary>
    public static List<Slot> All(YNode root)
    {
        var slots = new List<Slot>();
        var stack = new Stack<(YNode Node, string Path, string Key)>();
        stack.Push((root, string.Empty, string.Empty));
        while (stack.Count > 0)
        {
            (YNode node, string path, string key) = stack.Pop();
            if (node is YMap map)
            {
                for (int i = map.Entries.Count - 1; i >= 0; i--)
                {
                    string entryKey = map.Entries[i].Key is YScalar s ? s.Value : "?";
                    string entryPath = path + "/" + entryKey.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    slots.Add(new Slot(map, i, entryPath, entryKey, key));
                    stack.Push((map.Entries[i].Value, entryPath, entryKey));
                }
            }
            else if (node is YSeq seq)
            {
                for (int i = seq.Items.Count - 1; i >= 0; i--)
                {
                    string itemPath = path + "/" + i;
                    slots.Add(new Slot(seq, i, itemPath, "-", key));
                    stack.Push((seq.Items[i], itemPath, key));
                }
            }
        }

        return slots;
    }
}
