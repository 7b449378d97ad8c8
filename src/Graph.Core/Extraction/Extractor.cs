using System.Text.RegularExpressions;
using Graph.Extraction.Committees;
using Graph.Extraction.Header;
using Graph.Extraction.Meetings;
using Graph.Extraction.Resolutions;
using Graph.Extraction.Sessions;
using Graph.Extraction.Symbols;
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
        var (adoptedOn, adoptedAt) = Adoption(context, kept);
        var (committee, reports) = AdoptionNoteOf(context, kept);
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
            AdoptedOn = adoptedOn,
            AdoptedAt = adoptedAt,
            Committee = committee,
            OnReportOf = reports,
            References = kept.Select(c => ToReference(source, c)).ToList(),
            Diagnostics = context.Diagnostics,
        };
    }

    private static Reference ToReference(SourceText source, Candidate c)
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
        };
    }

    /// <summary>Chinese when ideographs make up a fifth or more of the letters, English otherwise.</summary>
    private static string LanguageOf(string text)
    {
        int ideographs = 0, letters = 0;
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, 20_000)))
        {
            if (CharClass.IsIdeograph(c))
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

    /// <summary>The last plenary (or Security Council) meeting a resolution names is the one that adopted it.</summary>
    private static (DateRange?, string?) Adoption(ExtractionContext context, List<Candidate> kept)
    {
        var meeting = kept.LastOrDefault(c => c.Kind == ReferenceKind.Meeting);
        DateRange? date = meeting?.Date;
        if (date is null)
        {
            var line = AdoptionLine().Match(context.Text);
            if (line.Success)
            {
                int dateAt = line.Groups["date"].Success ? line.Index : line.Index + line.Length;
                date = context.DateStartingAt(dateAt)?.Date;
            }
        }
        return (date, meeting?.Id);
    }

    /// <summary>The bracketed note under the heading: <c>[根据第一委员会的报告(A/75/399，第 96 段)通过]</c>.</summary>
    private static (string?, IReadOnlyList<string>) AdoptionNoteOf(ExtractionContext context, List<Candidate> kept)
    {
        var note = AdoptionNote().Match(context.Text);
        if (!note.Success || note.Index > 4000)
        {
            return (null, []);
        }
        int end = note.Index + note.Length;
        var inside = kept.Where(c => c.Start > note.Index && c.End < end).ToList();
        string? committee = inside.FirstOrDefault(c => c.Kind == ReferenceKind.Committee)?.Id;
        var reports = inside.Where(c => c.Kind == ReferenceKind.Document).Select(c => c.Id).Distinct().ToList();
        return (committee, reports);
    }
}
