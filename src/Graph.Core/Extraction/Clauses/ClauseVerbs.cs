using System.Text.Json;

namespace Graph.Extraction.Clauses;

/// <summary>
/// The vocabulary of clause verbs (<c>clause-verbs.json</c>, the one place where it is written down): which
/// words open a clause in each language, and the relation each gives the references it cites.
/// </summary>
internal sealed class ClauseVerbs
{
    private readonly Dictionary<char, (string Phrase, string Relation)[]> byFirstChar;

    private ClauseVerbs(Dictionary<char, (string, string)[]> byFirstChar) => this.byFirstChar = byFirstChar;

    public static ClauseVerbs Default { get; } = Load();

    /// <summary>Every relation the vocabulary names, for documentation and tests.</summary>
    public IEnumerable<string> Relations => byFirstChar.Values.SelectMany(v => v).Select(v => v.Relation).Distinct();

    /// <summary>
    /// The longest verb phrase that starts at <paramref name="position"/>, with its relation; null when none does.
    /// An English phrase must end at a word boundary, so "Notes" does not match "Notwithstanding".
    /// </summary>
    public (string Relation, int Length)? At(string text, int position)
    {
        if (position >= text.Length || !byFirstChar.TryGetValue(text[position], out var phrases))
        {
            return null;
        }
        foreach (var (phrase, relation) in phrases)
        {
            if (string.CompareOrdinal(text, position, phrase, 0, phrase.Length) != 0)
            {
                continue;
            }
            int end = position + phrase.Length;
            bool latin = char.IsAsciiLetter(phrase[^1]);
            if (!latin || end == text.Length || !char.IsAsciiLetter(text[end]))
            {
                return (relation, phrase.Length);
            }
        }
        return null;
    }

    private static ClauseVerbs Load()
    {
        using var stream = typeof(ClauseVerbs).Assembly.GetManifestResourceStream("Graph.Extraction.Clauses.clause-verbs.json")
            ?? throw new InvalidOperationException("the clause verb vocabulary is not embedded in the assembly");
        using var json = JsonDocument.Parse(stream);
        var all = new List<(string Phrase, string Relation)>();
        foreach (var entry in json.RootElement.GetProperty("relations").EnumerateArray())
        {
            string relation = entry.GetProperty("relation").GetString()!;
            foreach (string language in new[] { "en", "zh" })
            {
                all.AddRange(entry.GetProperty(language).EnumerateArray().Select(p => (p.GetString()!, relation)));
            }
        }
        var duplicate = all.GroupBy(p => p.Phrase).FirstOrDefault(g => g.Select(p => p.Relation).Distinct().Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"clause-verbs.json gives '{duplicate.Key}' two relations");
        }
        return new ClauseVerbs(all.Distinct()
            .GroupBy(p => p.Phrase[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Phrase.Length).ToArray()));
    }
}
