using System.Text;
using System.Text.RegularExpressions;
using Graph.Extraction;
using Graph.Extraction.Dates;
using Graph.Extraction.Resolutions;
using Graph.Extraction.Sessions;
using Graph.Tests.Support;

namespace Graph.Tests.Extraction;

/// <summary>
/// Patterns that start with any word run only in windows around a literal they contain. That is a speed-up only if
/// it gives exactly the matches of the whole-text regex: same places, same lengths, same groups, in the same order.
/// Checked for each anchored pattern on the seeds and on random text dense with the literals, near misses and
/// window edges.
/// </summary>
public sealed class AnchoredRegexTests
{
    public static TheoryData<string> Patterns => ["session", "keyword", "english-date", "chinese-date"];

    private static (Regex Regex, AnchoredRegex Anchored) Pattern(string name) => name switch
    {
        "session" => (SessionRecogniser.English(), SessionRecogniser.EnglishNearSession),
        "keyword" => (EnglishResolutionRecogniser.Keyword(), EnglishResolutionRecogniser.KeywordNearby),
        "english-date" => (DateRecogniser.EnglishDate(), DateRecogniser.EnglishDateNearMonth),
        "chinese-date" => (DateRecogniser.ChineseDate(), DateRecogniser.ChineseDateNearYear),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static List<string> Describe(IEnumerable<Match> matches, Regex regex) =>
        [.. matches.Select(m => $"{m.Index}+{m.Length}: " + string.Join(" ", regex.GetGroupNames().Select(g => $"{g}={(m.Groups[g].Success ? m.Groups[g].Index + ":" + m.Groups[g].Value : "-")}")))];

    [Theory]
    [MemberData(nameof(Patterns))]
    public void The_anchored_pattern_finds_what_the_whole_text_regex_finds_in_the_seeds(string name)
    {
        var (regex, anchored) = Pattern(name);
        int total = 0;
        foreach (string path in Directory.EnumerateFiles(Repository.Path("seeds"), "*.txt"))
        {
            string text = Graph.Text.SourceText.From(File.ReadAllText(path)).Normalised;
            var expected = Describe(regex.Matches(text), regex);
            Assert.Equal(expected, Describe(anchored.Matches(text), regex));
            total += expected.Count;
        }
        Assert.True(total >= 2, $"the seeds should hold matches of {name}; found {total}");
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void The_anchored_pattern_finds_what_the_whole_text_regex_finds_in_random_text(string name)
    {
        var (regex, anchored) = Pattern(name);
        string[] tokens =
        [
            "session", "sessions", "special", "emergency", "seventy-fifth", "Seventy", "fifth", "75th", "1st", "the", "of",
            "General Assembly", "Security Council", "Economic and Social Council", "(ECOSOC)", "(A)", "resolution", "Resolutions",
            "decision", "decisions", "precision", "esolution", "ecision", "its", "relevant", "abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
            "66/69", "Assembly", "-", ",", ".", "x",
            // Whole matches as long as the patterns allow, so a window cut too short shows.
            "Twentyfourteenth-seventeenths emergency special session", "seventy-fifth emergency\nspecial session", "999th special session",
            "Economic and Social Council (ABCDEFGH) abcdefghijklmnopqrstuvwxyzabcdefghijklmn abcdefghijklmnopqrstuvwxyzabcdefghijklmn Resolutions\n",
            "Commission on Human Rights ECOSOC its relevant decisions",
            // Dates: every form, the longest each pattern allows, months inside other words, digits everywhere.
            "30 September, 2015 to 30 September, 2016", "28 December 2015 to 3 January 2016", "5 to 7 September 2016",
            "30 November to 2 December 2016", "30 to 31 December 2016", "9\nDecember 2011", "11-13 May 2020", "12", "2011", "May", "Mayor", "June",
            "2015 年 12 月 28 日至2016年12月31日", "2013 年 12 月 9 日", "2011年12月9日", "2020年11月23日至27日", "年", "月", "日", "至", "2013 年",
        ];
        string[] separators = [" ", " ", " ", "\n", "", "-", ", "];
        var random = new Random(1980);
        int matches = 0;
        for (int round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            int count = random.Next(0, 40);
            for (int i = 0; i < count; i++)
            {
                text.Append(tokens[random.Next(tokens.Length)]).Append(separators[random.Next(separators.Length)]);
            }
            string s = text.ToString();
            var expected = Describe(regex.Matches(s), regex);
            Assert.Equal(expected, Describe(anchored.Matches(s), regex));
            matches += expected.Count;
        }
        Assert.True(matches > 200, $"random text should give many matches of {name}; found {matches}");
    }
}
