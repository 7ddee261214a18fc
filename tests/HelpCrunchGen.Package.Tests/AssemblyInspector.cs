using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HelpCrunchGen.Package.Tests;

/// <summary>Reads an assembly's references and attributes from its metadata, without loading it.</summary>
internal sealed class AssemblyInspector
{
    private AssemblyInspector(IReadOnlyList<AssemblyName> references, IReadOnlyList<(string Type, IReadOnlyList<string?> Arguments)> attributes)
    {
        References = references;
        Attributes = attributes;
    }

    public IReadOnlyList<AssemblyName> References { get; }

    /// <summary>Assembly-level attributes whose constructor takes only strings: (full type name, arguments).</summary>
    public IReadOnlyList<(string Type, IReadOnlyList<string?> Arguments)> Attributes { get; }

    /// <summary>The TargetFrameworkAttribute value, e.g. ".NETStandard,Version=v2.0".</summary>
    public string? TargetFramework =>
        Attributes.FirstOrDefault(a => a.Type == "System.Runtime.Versioning.TargetFrameworkAttribute").Arguments?.FirstOrDefault();

    /// <summary>The value of <c>[assembly: AssemblyMetadata(key, value)]</c>, or null.</summary>
    public string? Metadata(string key) =>
        Attributes.Where(a => a.Type == "System.Reflection.AssemblyMetadataAttribute" && a.Arguments.Count == 2 && a.Arguments[0] == key)
            .Select(a => a.Arguments[1])
            .FirstOrDefault();

    public static AssemblyInspector Read(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        MetadataReader reader = pe.GetMetadataReader();

        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName())
            .ToArray();

        var attributes = new List<(string, IReadOnlyList<string?>)>();
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            MemberReference constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            TypeReference type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            string name = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);

            // Only constructors of strings: (string) TargetFramework, (string, string) AssemblyMetadata.
            BlobReader signature = reader.GetBlobReader(constructor.Signature);
            signature.ReadSignatureHeader();
            int parameterCount = signature.ReadCompressedInteger();
            bool onlyStrings = signature.ReadSignatureTypeCode() == SignatureTypeCode.Void;
            for (int i = 0; onlyStrings && i < parameterCount; i++)
            {
                onlyStrings = signature.ReadSignatureTypeCode() == SignatureTypeCode.String;
            }

            if (!onlyStrings)
            {
                continue;
            }

            BlobReader value = reader.GetBlobReader(attribute.Value);
            if (value.ReadUInt16() != 1)
            {
                continue; // not a custom attribute blob (prolog 0x0001)
            }

            var arguments = new List<string?>(parameterCount);
            for (int i = 0; i < parameterCount; i++)
            {
                arguments.Add(value.ReadSerializedString());
            }

            attributes.Add((name, arguments));
        }

        return new AssemblyInspector(references, attributes);
    }
}
