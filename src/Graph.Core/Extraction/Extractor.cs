using System.Text.RegularExpressions;
using Graph.Extraction.Clauses;
using Graph.Extraction.Committees;
using Graph.Extraction.Footnotes;
using Graph.Extraction.Header;
using Graph.Extraction.Meetings;
using Graph.Extraction.Resolutions;
using Graph.Extraction.Sessions;
using Graph.Extraction.Symbols;
using Graph.Extraction.Treaties;
using Graph.Model;
using Graph.Text;

namespace Graph.Extraction;

/// <summary>
/// Finds every reference in a resolution's text. Built once and shared: it holds no per-document state and
/// is safe to use from many threads.
/// </summary>
public sealed partial class Extractor
{
    private readonly Recogniser[] recognisers;

    private Extractor(Recogniser[] recognisers) => this.recognisers = recognisers;

    /// <summary>The extractor with every recogniser this version has.</summary>
    public static Extractor Default { get; } = new(
    [
        new SymbolRecogniser(),
        new EnglishResolutionRecogniser(),
        new ChineseResolutionRecogniser(),
        new MeetingRecogniser(),
        new SessionRecogniser(),
        new CommitteeRecogniser(),
        new TreatyRecogniser(TreatyGazetteer.Default),
    ]);

    [GeneratedRegex(@"\[(?<note>[^\[\]]{0,400}(?:报告|report|Main Committee)[^\[\]]{0,400})\]", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AdoptionNote();

    [GeneratedRegex(@"(?<date>[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)大会决议|adopted by the General Assembly on ", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex AdoptionLine();

    /// <summary>
    /// Extracts the references of one document. Never throws on content: odd text yields fewer references and,
    /// where the extractor had to assume something, a diagnostic.
    /// </summary>
    /// <param name="text">The decoded text of the document.</param>
    /// <param name="file">The name to report the document under.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public ExtractedDocument Extract(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var source = SourceText.From(text);
        var context = new ExtractionContext(source, LanguageOf(source.Normalised));
        context.Identity = DocumentHeaderRecogniser.Read(context);
        foreach (var recogniser in recognisers)
        {
            recogniser.Recognise(context);
        }

        var identity = context.Identity;
        var kept = OverlapResolver.Resolve(context.Candidates)
            .Where(c => c.Id != identity.Symbol)
            .ToList();
        kept = TitledSymbols(context.Text, kept);
        kept = IbidResolver.Resolve(context, kept);

        var note = AdoptionNote().Match(context.Text, 0, Math.Min(context.Text.Length, 4000));
        (int, int)? noteSpan = note.Success ? (note.Index, note.Index + note.Length) : null;
        var annotator = new ReferenceAnnotator(context, noteSpan);
        var meeting = annotator.AdoptionMeeting(kept);
        var (committee, reports) = AdoptionNoteOf(kept, noteSpan);
        var references = kept.Select(c => ToReference(source, c, annotator.Annotate(c, meeting, kept))).ToList();
        context.FinishDiagnostics();

        return new ExtractedDocument
        {
            File = file,
            Language = context.Language,
            Symbol = identity.Symbol,
            Body = identity.Body,
            Title = identity.Title,
            Session = identity.Session is null ? null : $"A/{identity.Session}",
            Subjects = identity.Subjects,
            AdoptedOn = meeting?.Date ?? AdoptionDate(context),
            AdoptedAt = meeting?.Id,
            Committee = committee,
            OnReportOf = reports,
            References = references,
            Diagnostics = context.Diagnostics,
        };
    }

    /// <summary>
    /// A title in 《》 right before a symbol in brackets is that document's title (<c>《…报告…》(A/CONF.192/15)</c>):
    /// one reference, the symbol's, carrying the title.
    /// </summary>
    private static List<Candidate> TitledSymbols(string text, List<Candidate> kept)
    {
        var result = new List<Candidate>(kept.Count);
        for (int i = 0; i < kept.Count; i++)
        {
            var c = kept[i];
            if (c.Id.StartsWith("title:", StringComparison.Ordinal) && i + 1 < kept.Count
                && kept[i + 1].Kind == ReferenceKind.Document && !kept[i + 1].Id.StartsWith("title:", StringComparison.Ordinal)
                && kept[i + 1].Start - c.End <= 2 && text.AsSpan(c.End, kept[i + 1].Start - c.End).Trim().SequenceEqual("("))
            {
                result.Add(kept[++i] with { Title = c.Title });
                continue;
            }
            result.Add(c);
        }
        return result;
    }

    private static Reference ToReference(SourceText source, Candidate c, (string Relation, Paragraph Paragraph, int? Footnote) place)
    {
        var (start, length) = source.ToOriginal(c.Start, c.Length);
        return new Reference
        {
            Kind = c.Kind,
            Id = c.Id,
            Surface = source.Original.Substring(start, length),
            Start = start,
            Length = length,
            Date = c.Date,
            Pinpoint = c.Pinpoint,
            Number = c.Number,
            Title = c.Title,
            Relation = place.Relation,
            Paragraph = place.Paragraph,
            Footnote = place.Footnote,
        };
    }

    /// <summary>Chinese when ideographs make up a fifth or more of the letters, English otherwise.</summary>
    private static string LanguageOf(string text)
    {
        int ideographs = 0, letters = 0;
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, 20_000)))
        {
            // ASCII first: most characters of either language's text are, and it is never an ideograph.
            if (c < '\u0080')
            {
                letters += char.IsAsciiLetter(c) ? 1 : 0;
            }
            else if (CharClass.IsIdeograph(c))
            {
                ideographs++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }
        return letters > 0 && ideographs * 5 >= letters ? "zh" : "en";
    }

    /// <summary>Where no meeting is named, the date line of the heading: <c>2013 年 12 月 11 日大会决议</c>.</summary>
    private static DateRange? AdoptionDate(ExtractionContext context)
    {
        var line = AdoptionLine().Match(context.Text);
        if (!line.Success)
        {
            return null;
        }
        int dateAt = line.Groups["date"].Success ? line.Index : line.Index + line.Length;
        return context.DateStartingAt(dateAt)?.Date;
    }

    /// <summary>The committee and reports in the bracketed note under the heading: <c>[根据第一委员会的报告(A/75/399，第 96 段)通过]</c>.</summary>
    private static (string?, IReadOnlyList<string>) AdoptionNoteOf(List<Candidate> kept, (int Start, int End)? note)
    {
        if (note is not { } n)
        {
            return (null, []);
        }
        var inside = kept.Where(c => c.Start > n.Start && c.End < n.End).ToList();
        string? committee = inside.FirstOrDefault(c => c.Kind == ReferenceKind.Committee)?.Id;
        var reports = inside.Where(c => c.Kind == ReferenceKind.Document).Select(c => c.Id).Distinct().ToList();
        return (committee, reports);
    }
}
