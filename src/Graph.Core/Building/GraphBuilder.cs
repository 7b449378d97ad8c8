using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Extraction.Treaties;
using Graph.Model;

namespace Graph.Building;

/// <summary>
/// Turns what the extractor found in one document into graph facts: the document's own node, a node for
/// everything it cites (a stub until that document's own text is loaded), an edge for every citation with its
/// evidence, and the structural edges its symbol and header imply (the meeting that adopted it, the session,
/// the committee, the index terms). Pure and thread-safe: the same document always gives the same facts.
/// </summary>
public static partial class GraphBuilder
{
    [GeneratedRegex(@"^(?<session>A/(?:E?S-)?[0-9]{1,3})/PV\.[0-9]{1,5}$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex GeneralAssemblyMeeting();

    [GeneratedRegex(@"^(?<session>A/(?:E?S-)?[0-9]{1,3})/item/(?<item>.{1,20})$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AgendaItem();

    [GeneratedRegex(@"/(?<modifier>Corr|Add|Rev)\.[0-9]{1,3}$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Modifier();

    /// <summary>The content hash a store's journal keeps for a file: the SHA-256 of its bytes, lower-case hex.</summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>The key a language version of a document is loaded under: <c>A/RES/68/72@zh</c>.</summary>
    public static string SourceKey(string symbol, string language) => $"{symbol}@{language}";

    /// <summary>
    /// The graph facts of one extracted document, or null with the reason when it cannot be placed in the graph
    /// (its text shows no UN symbol of its own, so there is no node to hang its citations on).
    /// </summary>
    public static DocumentGraph? Build(ExtractedDocument document, out string? error)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(document.Symbol))
        {
            error = "no UN document symbol found in its header, so it has no node to attach its citations to";
            return null;
        }
        error = null;
        return new Facts(document).Build();
    }

    /// <summary>The facts being gathered for one document.</summary>
    private sealed class Facts(ExtractedDocument document)
    {
        private readonly string own = document.Symbol!;
        private readonly string source = SourceKey(document.Symbol!, document.Language);
        private readonly Dictionary<string, (NodeLabel Label, bool Own, Dictionary<string, object> Properties)> nodes = new(StringComparer.Ordinal);
        private readonly List<EdgeClaim> edges = [];
        private readonly Dictionary<string, string> aliases = new(StringComparer.Ordinal);

        public DocumentGraph Build()
        {
            var label = NodeLabels.Of(UnSymbol.KindOf(own));
            var ownProperties = Claim(own, label, isOwn: true);
            ownProperties["languages"] = new[] { document.Language };
            ownProperties["files"] = new[] { document.File };
            Set(ownProperties, "title_" + document.Language, document.Title);
            Set(ownProperties, "body", document.Body);
            Set(ownProperties, "date", document.AdoptedOn?.ToString());
            DescribeSymbol(own, label, ownProperties);
            if (document.Session is { } session)
            {
                ownProperties["session"] = session;
                Structural(own, EdgeTypes.During, session, NodeLabel.Session);
            }
            foreach (string term in document.Subjects)
            {
                string id = "subject:" + term;
                Claim(id, NodeLabel.Subject)["term"] = term;
                Structural(own, EdgeTypes.About, id, NodeLabel.Subject);
            }
            foreach (var reference in document.References)
            {
                Cite(reference);
            }
            return new DocumentGraph
            {
                Source = source,
                File = document.File,
                Language = document.Language,
                Symbol = own,
                Label = label,
                Nodes = [.. nodes.Select(n => new NodeClaim(n.Key, n.Value.Label, n.Value.Own, n.Value.Properties))],
                Edges = edges,
                Aliases = aliases,
                References = document.References.Count,
            };
        }

        private void Cite(Reference r)
        {
            var label = NodeLabels.Of(r.Kind);
            var properties = Claim(r.Id, label);
            var evidence = new Evidence
            {
                Source = source,
                Language = document.Language,
                File = document.File,
                Surface = r.Surface,
                Offset = r.Start,
                Length = r.Length,
                Paragraph = r.Paragraph,
                Footnote = r.Footnote,
                Page = r.Page,
                Pinpoint = r.Pinpoint,
                Date = r.Date?.ToString(),
            };
            switch (label)
            {
                case NodeLabel.Resolution or NodeLabel.Decision or NodeLabel.Meeting:
                    Set(properties, "date", r.Date?.ToString());
                    break;
                case NodeLabel.Session when r.Number is { } number:
                    properties.TryAdd("number", (long)number);
                    break;
                case NodeLabel.Treaty or NodeLabel.Document when TreatyGazetteer.Default.ById(r.Id) is { } treaty:
                    DescribeTreaty(treaty, properties);
                    break;
                case NodeLabel.Treaty or NodeLabel.Document when r.Title is not null:
                    Set(properties, "title_" + document.Language, r.Title);
                    break;
            }
            DescribeSymbol(r.Id, label, properties);
            if (r.Relation == "adopted-on-report")
            {
                Set(properties, "type", label == NodeLabel.Document ? "report" : null);
                if (label == NodeLabel.Committee)
                {
                    // "[on the report of the Fourth Committee (A/68/421)]": the report is the committee's; the
                    // resolution cites the report. Without a report, the resolution is the committee's.
                    var reports = document.References.Where(x => x.Relation == "adopted-on-report" && x.Kind == ReferenceKind.Document).ToList();
                    foreach (var report in reports)
                    {
                        edges.Add(new EdgeClaim(report.Id, EdgeTypes.OfCommittee, r.Id, evidence));
                    }
                    if (reports.Count == 0)
                    {
                        edges.Add(new EdgeClaim(own, EdgeTypes.OfCommittee, r.Id, evidence));
                    }
                    return;
                }
            }
            edges.Add(new EdgeClaim(own, EdgeTypes.OfRelation(r.Relation), r.Id, evidence));
        }

        /// <summary>What a symbol says about the thing it names, and the edges that follow from it.</summary>
        private void DescribeSymbol(string id, NodeLabel label, Dictionary<string, object> properties)
        {
            var parts = UnSymbol.JointParts(id);
            foreach (string part in parts)
            {
                aliases[part] = id;
            }
            string? gaSession = UnSymbol.GeneralAssemblySessionOf(id);
            switch (label)
            {
                case NodeLabel.Resolution or NodeLabel.Decision:
                    Set(properties, "body", BodyOf(id));
                    int slash = id.IndexOf("/RES/", StringComparison.Ordinal) is >= 0 and var r ? r + 5 : id.IndexOf("/DEC/", StringComparison.Ordinal) + 5;
                    Set(properties, "number", slash >= 5 ? id[slash..] : null);
                    if (gaSession is not null)
                    {
                        Set(properties, "session", "A/" + gaSession);
                    }
                    break;
                case NodeLabel.Meeting when GeneralAssemblyMeeting().Match(id) is { Success: true } m:
                    Set(properties, "body", "GA");
                    Structural(id, EdgeTypes.MeetingOf, m.Groups["session"].Value, NodeLabel.Session);
                    break;
                case NodeLabel.Meeting when id.StartsWith("S/PV.", StringComparison.Ordinal):
                    Set(properties, "body", "SC");
                    break;
                case NodeLabel.AgendaItem when AgendaItem().Match(id) is { Success: true } m:
                    Set(properties, "item", m.Groups["item"].Value);
                    Structural(id, EdgeTypes.During, m.Groups["session"].Value, NodeLabel.Session);
                    break;
                case NodeLabel.Session:
                    Set(properties, "body", id.StartsWith("A/", StringComparison.Ordinal) ? "GA" : null);
                    break;
                case NodeLabel.Document when NodeNames.IsSymbol(id):
                    Set(properties, "type", DocumentType(parts.Count > 0 ? parts[0] : id));
                    break;
            }
        }

        private void DescribeTreaty(Treaty treaty, Dictionary<string, object> properties)
        {
            Set(properties, "title_en", treaty.Title);
            Set(properties, "title_zh", treaty.TitleZh);
            properties.TryAdd("year", (long)treaty.Year);
            if (treaty.Unts is { } unts)
            {
                Set(properties, "unts", string.Create(CultureInfo.InvariantCulture, $"United Nations, Treaty Series, vol. {unts.Volume}, No. {unts.Number}"));
            }
            Set(properties, "protocol", treaty.Protocol);
            if (treaty.Parent is { } parent && TreatyGazetteer.Default.ById(parent) is { } parentTreaty)
            {
                DescribeTreaty(parentTreaty, Claim(parent, NodeLabel.Treaty));
                Structural(treaty.Id, EdgeTypes.ProtocolOf, parent, NodeLabel.Treaty);
            }
        }

        /// <summary>An edge the document's structure implies: evidence without words.</summary>
        private void Structural(string from, string type, string to, NodeLabel toLabel)
        {
            var properties = Claim(to, toLabel);
            if (toLabel == NodeLabel.Session)
            {
                DescribeSymbol(to, toLabel, properties);
            }
            edges.Add(new EdgeClaim(from, type, to, new Evidence { Source = source, Language = document.Language, File = document.File }));
        }

        private Dictionary<string, object> Claim(string id, NodeLabel label, bool isOwn = false)
        {
            if (!nodes.TryGetValue(id, out var node))
            {
                nodes[id] = node = (label, isOwn, new Dictionary<string, object>(StringComparer.Ordinal));
            }
            return node.Properties;
        }

        private static void Set(Dictionary<string, object> properties, string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                properties.TryAdd(key, value);
            }
        }
    }

    /// <summary>The organ a resolution or decision symbol belongs to.</summary>
    private static string? BodyOf(string symbol) => symbol switch
    {
        _ when symbol.StartsWith("A/HRC/", StringComparison.Ordinal) => "HRC",
        _ when symbol.StartsWith("A/", StringComparison.Ordinal) => "GA",
        _ when symbol.StartsWith("S/", StringComparison.Ordinal) => "SC",
        _ when symbol.StartsWith("E/CN.4/", StringComparison.Ordinal) => "CHR",
        _ when symbol.StartsWith("E/", StringComparison.Ordinal) => "ECOSOC",
        _ => null,
    };

    /// <summary>What a document's symbol says it is, where it says anything.</summary>
    private static string? DocumentType(string symbol)
    {
        if (Modifier().Match(symbol) is { Success: true } m)
        {
            return m.Groups["modifier"].Value switch
            {
                "Corr" => "corrigendum",
                "Add" => "addendum",
                _ => "revision",
            };
        }
        return symbol switch
        {
            _ when symbol.Contains("/PRST/", StringComparison.Ordinal) => "presidential-statement",
            _ when symbol.Contains("/L.", StringComparison.Ordinal) => "draft",
            _ when symbol.Contains("/SR.", StringComparison.Ordinal) => "summary-record",
            _ when symbol.Contains("/INF/", StringComparison.Ordinal) => "information",
            _ when symbol.Contains("/CONF", StringComparison.Ordinal) || symbol.Contains("/MSP/", StringComparison.Ordinal) => "conference-document",
            _ => null,
        };
    }
}
