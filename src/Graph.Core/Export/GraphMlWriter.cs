using System.Text;
using System.Xml;
using Graph.Store;

namespace Graph.Export;

/// <summary>
/// <c>graph.graphml</c>: a directed GraphML graph (http://graphml.graphdrawing.org/xmlns) for Gephi, yEd and
/// Cytoscape. Every attribute is declared by a <c>&lt;key&gt;</c>: for nodes <c>labels</c> (<c>:Resolution</c>,
/// the form Neo4j's own GraphML export uses), <c>id</c>, <c>name</c>, <c>ingested</c> and each property key; for
/// edges <c>label</c> (the type, which Gephi shows), <c>count</c>, <c>languages</c>, <c>surfaces</c>,
/// <c>pinpoints</c> and <c>evidence</c>. Lists are strings joined with "; ", evidence JSON strings joined with a
/// line break (JSON escapes line breaks inside them, so each line is one piece).
/// </summary>
/// <remarks>
/// XmlWriter escapes markup. XML 1.0 cannot hold most control characters at all, not even as character
/// references, so those (and unpaired surrogates, U+FFFE, U+FFFF) are replaced with U+FFFD; carriage returns are
/// written as <c>&amp;#xD;</c> so that parsers do not fold them into line feeds. Node element ids are the node ids,
/// which GraphML's schema types as NMTOKEN: ids with '/' or spaces are well-formed XML but not schema-valid, which
/// the three tools accept.
/// </remarks>
internal static class GraphMlWriter
{
    public const string FileName = "graph.graphml";

    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private const string ListSeparator = "; ";

    public static async Task<ExportResult> WriteAsync(IGraphStore store, string directory, CancellationToken ct)
    {
        await using var spool = await NodeSpool.FillAsync(store, directory, ct).ConfigureAwait(false);
        var propertyKeys = spool.AllKeys();
        string path = Path.Combine(directory, FileName);
        var settings = new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(false),
            Indent = true,
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
        };
        int edges = 0, skipped = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true))
        await using (var w = XmlWriter.Create(file, settings))
        {
            await w.WriteStartDocumentAsync().ConfigureAwait(false);
            await w.WriteStartElementAsync(null, "graphml", Namespace).ConfigureAwait(false);
            await KeyAsync(w, "node", "labels", PropertyKind.Text).ConfigureAwait(false);
            await KeyAsync(w, "node", "id", PropertyKind.Text).ConfigureAwait(false);
            await KeyAsync(w, "node", "name", PropertyKind.Text).ConfigureAwait(false);
            await KeyAsync(w, "node", "ingested", PropertyKind.Boolean).ConfigureAwait(false);
            foreach (var (key, kind) in propertyKeys)
            {
                await KeyAsync(w, "node", key, kind).ConfigureAwait(false);
            }
            await KeyAsync(w, "edge", "label", PropertyKind.Text).ConfigureAwait(false);
            await KeyAsync(w, "edge", "count", PropertyKind.Integer).ConfigureAwait(false);
            foreach (string name in new[] { "languages", "surfaces", "pinpoints", "evidence" })
            {
                await KeyAsync(w, "edge", name, PropertyKind.Text).ConfigureAwait(false);
            }

            await w.WriteStartElementAsync(null, "graph", Namespace).ConfigureAwait(false);
            await w.WriteAttributeStringAsync(null, "id", null, "G").ConfigureAwait(false);
            await w.WriteAttributeStringAsync(null, "edgedefault", null, "directed").ConfigureAwait(false);
            await foreach (var node in spool.ReadAsync(ct).ConfigureAwait(false))
            {
                await w.WriteStartElementAsync(null, "node", Namespace).ConfigureAwait(false);
                await w.WriteAttributeStringAsync(null, "id", null, XmlText(node.Id)).ConfigureAwait(false);
                await DataAsync(w, "n", "labels", ":" + node.Label).ConfigureAwait(false);
                await DataAsync(w, "n", "id", node.Id).ConfigureAwait(false);
                await DataAsync(w, "n", "name", node.Name).ConfigureAwait(false);
                await DataAsync(w, "n", "ingested", node.Ingested ? "true" : "false").ConfigureAwait(false);
                foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    await DataAsync(w, "n", key, ExportValues.AsText(value, ListSeparator)).ConfigureAwait(false);
                }
                await w.WriteEndElementAsync().ConfigureAwait(false);
            }
            await foreach (var edge in store.EdgesAsync(ct).ConfigureAwait(false))
            {
                // GraphML requires both ends to be nodes of the document; yEd refuses a file with a dangling edge.
                if (!spool.Labels.ContainsKey(edge.From) || !spool.Labels.ContainsKey(edge.To))
                {
                    skipped++;
                    continue;
                }
                await w.WriteStartElementAsync(null, "edge", Namespace).ConfigureAwait(false);
                await w.WriteAttributeStringAsync(null, "source", null, XmlText(edge.From)).ConfigureAwait(false);
                await w.WriteAttributeStringAsync(null, "target", null, XmlText(edge.To)).ConfigureAwait(false);
                await DataAsync(w, "e", "label", edge.Type).ConfigureAwait(false);
                await DataAsync(w, "e", "count", ExportValues.AsText(edge.Evidence.Count, "")).ConfigureAwait(false);
                await DataAsync(w, "e", "languages", string.Join(ListSeparator, edge.Languages)).ConfigureAwait(false);
                await DataAsync(w, "e", "surfaces", string.Join(ListSeparator, edge.Surfaces)).ConfigureAwait(false);
                await DataAsync(w, "e", "pinpoints", string.Join(ListSeparator, edge.Pinpoints)).ConfigureAwait(false);
                await DataAsync(w, "e", "evidence", string.Join('\n', ExportValues.EvidenceJson(edge))).ConfigureAwait(false);
                await w.WriteEndElementAsync().ConfigureAwait(false);
                edges++;
            }
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndElementAsync().ConfigureAwait(false);
            await w.WriteEndDocumentAsync().ConfigureAwait(false);
        }
        return new ExportResult([path], spool.Count, edges, Command: null, skipped);
    }

    /// <summary>Key ids are the attribute names prefixed by n_ or e_: node and edge keys may share a name.</summary>
    private static async Task KeyAsync(XmlWriter w, string target, string name, PropertyKind kind)
    {
        await w.WriteStartElementAsync(null, "key", Namespace).ConfigureAwait(false);
        await w.WriteAttributeStringAsync(null, "id", null, $"{target[0]}_{name}").ConfigureAwait(false);
        await w.WriteAttributeStringAsync(null, "for", null, target).ConfigureAwait(false);
        await w.WriteAttributeStringAsync(null, "attr.name", null, name).ConfigureAwait(false);
        string type = kind switch
        {
            PropertyKind.Integer => "long",
            PropertyKind.Boolean => "boolean",
            _ => "string",
        };
        await w.WriteAttributeStringAsync(null, "attr.type", null, type).ConfigureAwait(false);
        await w.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task DataAsync(XmlWriter w, string prefix, string name, string value)
    {
        await w.WriteStartElementAsync(null, "data", Namespace).ConfigureAwait(false);
        await w.WriteAttributeStringAsync(null, "key", null, $"{prefix}_{name}").ConfigureAwait(false);
        await w.WriteStringAsync(XmlText(value)).ConfigureAwait(false);
        await w.WriteEndElementAsync().ConfigureAwait(false);
    }

    /// <summary>The text with every character XML 1.0 cannot hold replaced by U+FFFD.</summary>
    public static string XmlText(string text)
    {
        text = ExportValues.PairedSurrogates(text);
        int bad = 0;
        while (bad < text.Length && IsXmlChar(text[bad]))
        {
            bad++;
        }
        if (bad == text.Length)
        {
            return text;
        }
        var s = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            s.Append(IsXmlChar(c) ? c : '\uFFFD');
        }
        return s.ToString();
    }

    // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; surrogates arrive paired.
    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' or (>= ' ' and <= '\uFFFD');
}
