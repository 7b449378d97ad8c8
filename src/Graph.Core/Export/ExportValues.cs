using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Graph.Model;

namespace Graph.Export;

/// <summary>The kind of a property value, as the typed formats (CSV headers, GraphML keys) declare it.</summary>
internal enum PropertyKind
{
    Text,
    Integer,
    Boolean,
    TextList,
}

/// <summary>
/// What every writer needs the same way: names checked before they become syntax, the kinds of property values,
/// and the lists an edge carries.
/// </summary>
internal static partial class ExportValues
{
    /// <summary>
    /// The node fields every format writes besides the properties, which a property may not reuse: id, name,
    /// ingested, and labels (GraphML's attribute for the label, as Neo4j's own exports name it).
    /// </summary>
    private static readonly string[] NodeFields = ["id", "name", "ingested", "labels"];

    // \A and \z, not ^ and $: "$" also matches before a final newline, which would let "RECALLS\n" through.
    [GeneratedRegex(@"\A[A-Za-z]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();

    [GeneratedRegex(@"\A[A-Z][A-Z_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyName();

    /// <summary>The label's Neo4j name, checked to be letters only.</summary>
    /// <exception cref="InvalidDataException">When it is not (an undefined enum value prints as a number).</exception>
    public static string Label(NodeLabel label)
    {
        string name = label.ToString();
        return LabelName().IsMatch(name) ? name : throw new InvalidDataException($"node label '{name}' is not a valid label name");
    }

    /// <summary>The relationship type, checked to be capitals and underscores.</summary>
    /// <exception cref="InvalidDataException">When it is not.</exception>
    public static string RelationshipType(string type) =>
        TypeName().IsMatch(type) ? type : throw new InvalidDataException($"relationship type '{type}' is not a valid type name (A-Z and _)");

    /// <summary>A node property key, checked to be an identifier that does not collide with id, name or ingested.</summary>
    /// <exception cref="InvalidDataException">When it is not.</exception>
    public static string PropertyKey(string key)
    {
        if (!KeyName().IsMatch(key))
        {
            throw new InvalidDataException($"property key '{key}' is not a valid key name (letters, digits and _)");
        }
        return NodeFields.Contains(key, StringComparer.Ordinal)
            ? throw new InvalidDataException($"property key '{key}' collides with the node field of the same name")
            : key;
    }

    /// <exception cref="InvalidDataException">When the value is not a string, integer, boolean or list of strings.</exception>
    public static PropertyKind KindOf(object value) => value switch
    {
        string => PropertyKind.Text,
        long or int => PropertyKind.Integer,
        bool => PropertyKind.Boolean,
        IEnumerable<string> => PropertyKind.TextList,
        _ => throw new InvalidDataException($"unsupported property value of type {value?.GetType().Name ?? "null"}"),
    };

    /// <summary>The kind a column holding both kinds is declared as: the kind itself when they agree, else text.</summary>
    public static PropertyKind Merge(PropertyKind a, PropertyKind b) => a == b ? a : PropertyKind.Text;

    /// <summary>A value as text: integers in invariant digits, booleans as <c>true</c>/<c>false</c>, lists joined.</summary>
    public static string AsText(object value, string listSeparator) => value switch
    {
        string s => s,
        long n => n.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IEnumerable<string> list => string.Join(listSeparator, list),
        _ => throw new InvalidDataException($"unsupported property value of type {value?.GetType().Name ?? "null"}"),
    };

    /// <summary>Each piece of evidence as a compact JSON string, the form Neo4j stores (it has no nested maps).</summary>
    public static IReadOnlyList<string> EvidenceJson(GraphEdge edge) => [.. edge.Evidence.Select(GraphProperties.EvidenceJson)];

    /// <summary>
    /// The text with every unpaired surrogate replaced by U+FFFD, as UTF-8 encoders and <c>Utf8JsonWriter</c> do
    /// implicitly; writers that build text themselves call this so every format agrees.
    /// </summary>
    public static string PairedSurrogates(string text)
    {
        int i = 0;
        while (i < text.Length && !char.IsSurrogate(text[i]))
        {
            i++;
        }
        if (i == text.Length)
        {
            return text;
        }
        var s = new StringBuilder(text.Length);
        for (i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                s.Append(c).Append(text[++i]);
            }
            else
            {
                s.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return s.ToString();
    }
}
