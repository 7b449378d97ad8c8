using System.Text;
using System.Text.RegularExpressions;
using Graph.Tests.Support;
using Graph.Text;

namespace Graph.Tests.Text;

/// <summary>
/// The normaliser finds bold words drawn several times with a hand-written scanner instead of the regex
/// <c>(\p{L}{2,12})\1{2,5}</c>, which was a quarter of the extraction time. The regex stays here as the oracle: on
/// the seeds and on random text built to be full of repeats, both must find exactly the same runs.
/// </summary>
public sealed partial class TextNormaliserTests
{
    [GeneratedRegex(@"(?<word>\p{L}{2,12})\k<word>{2,5}", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatedWordOracle();

    private static List<(int Start, int Copy, int Length)> Oracle(string text) =>
        [.. RepeatedWordOracle().Matches(text).Select(m => (m.Index, m.Groups["word"].Length, m.Length))];

    [Fact]
    public void Repeated_words_in_the_seeds_are_the_runs_the_regex_finds()
    {
        int runs = 0;
        foreach (string path in Directory.EnumerateFiles(Repository.Path("seeds"), "*.txt"))
        {
            string text = File.ReadAllText(path);
            var expected = Oracle(text);
            Assert.Equal(expected, TextNormaliser.RepeatedWords(text).ToList());
            runs += expected.Count;
        }
        Assert.True(runs > 10, $"the seeds should hold bold words drawn several times; found {runs}");
    }

    [Fact]
    public void Repeated_words_in_random_text_full_of_repeats_are_the_runs_the_regex_finds()
    {
        // Few distinct letters, digits and spaces, and pieces copied several times: repeats of every length from
        // 1 to 14 letters, overlapping, at the end of the text, broken by a non-letter.
        char[] alphabet = ['大', '会', 'a', 'b', 'A', ' ', '1', 'é'];
        var random = new Random(20131211);
        for (int round = 0; round < 3000; round++)
        {
            var text = new StringBuilder();
            while (text.Length < random.Next(1, 80))
            {
                var piece = new string([.. Enumerable.Range(0, random.Next(1, 15)).Select(_ => alphabet[random.Next(random.Next(2, alphabet.Length))])]);
                text.Insert(0, string.Concat(Enumerable.Repeat(piece, random.Next(1, 8))));
            }
            string s = text.ToString();
            Assert.True(Oracle(s).SequenceEqual(TextNormaliser.RepeatedWords(s)), $"different runs in \"{s}\"");
        }
    }

    [Fact]
    public void Repeated_words_in_long_random_text_are_the_runs_the_regex_finds_across_every_block_boundary()
    {
        // Long enough for the block-at-a-time search (32 positions a block, 52 characters looked at), with runs of
        // every word length placed at every offset from a block start, and ordinary text between them.
        char[] alphabet = ['大', '会', 'a', 'b', 'e', 't', 'A', ' ', '1', ','];
        var random = new Random(20241224);
        for (int round = 0; round < 400; round++)
        {
            var text = new StringBuilder();
            while (text.Length < 600)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
                if (random.Next(12) == 0)
                {
                    var word = new string([.. Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(random.Next(2, alphabet.Length))])]);
                    text.Append(string.Concat(Enumerable.Repeat(word, random.Next(2, 8))));
                }
            }
            string s = text.ToString();
            Assert.True(Oracle(s).SequenceEqual(TextNormaliser.RepeatedWords(s)), $"different runs in \"{s}\"");
        }
    }

    [Fact]
    public void English_text_comes_out_with_each_whitespace_run_as_one_space_or_line_break_mapped_to_where_it_began()
    {
        // Lines of English are copied a run at a time (printable ASCII with single spaces); the oracle is the rule
        // itself, character by character: words as they are, a whitespace run between two words as one line break if
        // it holds one, else one space, at the run's first character, and none at either end.
        string[] words = ["General", "Assembly", "resolution 66/69", "A/68/305,", "(2011);", "of", "the", "Recalling", "[and]", "e.g.", "x"];
        string[] gaps = [" ", " ", " ", "  ", "\n", " \n", "\n ", "\t", " \t ", "   \n\n "];
        var random = new Random(20261208);
        for (int round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            int count = random.Next(1, 40);
            if (random.Next(3) == 0)
            {
                text.Append(gaps[random.Next(gaps.Length)]);
            }
            for (int w = 0; w < count; w++)
            {
                text.Append(words[random.Next(words.Length)]);
                if (w + 1 < count || random.Next(3) == 0)
                {
                    text.Append(gaps[random.Next(gaps.Length)]);
                }
            }
            string original = text.ToString();
            var expected = new StringBuilder();
            var expectedMap = new List<int>();
            var tokens = Regex.Matches(original, @"\s+|\S+").ToList();
            for (int t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                if (!char.IsWhiteSpace(token.Value[0]))
                {
                    expected.Append(token.Value);
                    expectedMap.AddRange(Enumerable.Range(token.Index, token.Length));
                }
                else if (t > 0 && t + 1 < tokens.Count)
                {
                    expected.Append(token.Value.Contains('\n', StringComparison.Ordinal) ? '\n' : ' ');
                    expectedMap.Add(token.Index);
                }
            }

            var source = SourceText.From(original);

            Assert.True(expected.ToString() == source.Normalised, $"\"{original}\" gave \"{source.Normalised}\"");
            Assert.Equal(expectedMap, Enumerable.Range(0, source.Normalised.Length).Select(i => source.ToOriginal(i)));
        }
    }

    [Fact]
    public void A_word_drawn_four_times_is_kept_once_and_a_doubled_word_is_left_alone()
    {
        Assert.Equal("大会,", SourceText.From("大会大会大会大会,").Normalised);
        Assert.Equal("谢谢that that", SourceText.From("谢谢 that that").Normalised);
    }
}
