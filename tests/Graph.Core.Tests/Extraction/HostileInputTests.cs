using System.Diagnostics;
using System.Text;
using Graph.Extraction;
using Graph.Model;
using Graph.Tests.Support;

namespace Graph.Tests.Extraction;

/// <summary>
/// The extractor runs on whatever a PDF converter produced. On hostile text it must neither throw nor hang:
/// each case runs under a generous time limit (a hang guard, not a performance test), and whatever it
/// returns must still point at the text it came from.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    // Linear work on a 50 MB line takes up to a minute or two on a loaded 2-core machine in Debug; a super-linear
    // pattern on it would take hours, so this limit still tells the two apart.
    private static readonly TimeSpan HangGuardFor50Megabytes = TimeSpan.FromMinutes(5);

    private const int FiftyMegabytes = 50 * 1024 * 1024;

    private static string Repeat(string fragment, int times) => new StringBuilder(fragment.Length * times).Insert(0, fragment, times).ToString();

    /// <summary>One line of <paramref name="fragment"/> repeated to <paramref name="bytes"/> bytes of UTF-8, the size of the file it would be.</summary>
    private static string RepeatToUtf8Size(string fragment, int bytes) =>
        RepeatToLength(fragment, (int)((long)bytes * fragment.Length / Encoding.UTF8.GetByteCount(fragment)));

    private static string RepeatToLength(string fragment, int length)
    {
        var s = new StringBuilder(length + fragment.Length);
        while (s.Length < length)
        {
            s.Append(fragment);
        }
        return s.ToString(0, length);
    }

    /// <summary>Extracts on a worker thread and fails the test if it does not finish within the hang guard.</summary>
    private static async Task<ExtractedDocument> ExtractGuarded(string text, TimeSpan? limit = null)
    {
        var guard = limit ?? HangGuard;
        var watch = Stopwatch.StartNew();
        var work = Task.Run(() => Extractor.Default.Extract(text, "hostile.txt"), TestContext.Current.CancellationToken);
        try
        {
            var document = await work.WaitAsync(guard, TestContext.Current.CancellationToken);
            TestContext.Current.SendDiagnosticMessage($"{text.Length:N0} chars extracted in {watch.Elapsed.TotalSeconds:F1} s");
            AssertSpansPointAtTheirSurface(text, document);
            return document;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the extractor did not finish within {guard.TotalSeconds} s on {text.Length:N0} chars starting \"{text[..Math.Min(40, text.Length)]}\"");
            throw;
        }
    }

    internal static void AssertSpansPointAtTheirSurface(string text, ExtractedDocument document)
    {
        foreach (var r in document.References)
        {
            Assert.InRange(r.Start, 0, text.Length - 1);
            Assert.InRange(r.Length, 1, text.Length - r.Start);
            if (!string.Equals(r.Surface, text.Substring(r.Start, r.Length), StringComparison.Ordinal))
            {
                Assert.Fail($"{r.Kind.Name()} {r.Id} @{r.Start}+{r.Length}: surface {ReferenceLine.Quote(r.Surface)} but the text there is {ReferenceLine.Quote(text.Substring(r.Start, r.Length))}");
            }
        }
        foreach (var d in document.Diagnostics)
        {
            if (d.Start is { } start)
            {
                Assert.InRange(start, 0, text.Length);
                Assert.InRange(d.Length ?? 0, 0, text.Length - start);
            }
        }
    }

    [Fact]
    public async Task An_empty_text_has_no_references()
    {
        var document = await ExtractGuarded("");

        Assert.Empty(document.References);
        Assert.Null(document.Symbol);
        Assert.Equal("hostile.txt", document.File);
    }

    [Fact]
    public async Task A_text_of_only_whitespace_has_no_references()
    {
        var document = await ExtractGuarded(" \t\r\n\u3000\u00A0\u2028\f\v  \n\n\u200B\uFEFF ");

        Assert.Empty(document.References);
        Assert.Null(document.Symbol);
    }

    [Fact]
    public async Task Control_characters_have_no_references()
    {
        var chars = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            chars.Append((char)(i % 32));
        }

        var document = await ExtractGuarded(chars.ToString());

        Assert.Empty(document.References);
    }

    [Fact]
    public async Task Fifty_megabytes_of_Chinese_resolution_fragments_on_one_line_finish()
    {
        string text = RepeatToUtf8Size("第 66/69 号和", FiftyMegabytes);

        var document = await ExtractGuarded(text, HangGuardFor50Megabytes);

        // No clause ever names 决议 or 决定, so none of the numbers is a reference.
        Assert.Empty(document.References);
    }

    [Fact]
    public async Task Fifty_megabytes_of_one_letter_on_one_line_finish()
    {
        var document = await ExtractGuarded(new string('a', FiftyMegabytes), HangGuardFor50Megabytes);

        Assert.Empty(document.References);
    }

    [Fact]
    public async Task Fifty_megabytes_of_repeated_words_on_one_line_finish()
    {
        var document = await ExtractGuarded(RepeatToUtf8Size("resolutionresolution大会大会大会 ", FiftyMegabytes), HangGuardFor50Megabytes);

        Assert.Empty(document.References);
    }

    [Fact]
    public async Task Ten_thousand_slashes_have_no_references()
    {
        var document = await ExtractGuarded(new string('/', 10_000));

        Assert.Empty(document.References);
    }

    [Fact]
    public async Task A_symbol_prefix_repeated_without_end_finishes()
    {
        await ExtractGuarded(Repeat("A/", 200_000) + "RES/66/69");
    }

    [Fact]
    public async Task Brackets_nested_a_hundred_thousand_deep_finish()
    {
        var document = await ExtractGuarded(new string('[', 100_000) + "根据第一委员会的报告(A/75/399)通过" + new string(']', 100_000));

        Assert.All(document.References, r => Assert.InRange(r.Start, 100_000, 100_040));
    }

    [Fact]
    public async Task A_hundred_thousand_open_parentheses_finish()
    {
        var document = await ExtractGuarded(new string('(', 100_000) + " resolution 1325 (" + new string('(', 100_000));

        Assert.All(document.References, r => Assert.InRange(r.Start, 100_000, 100_020));
    }

    [Fact]
    public async Task Every_Unicode_decimal_digit_is_read_without_error()
    {
        var digits = new StringBuilder();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsDigit((char)c))
            {
                digits.Append((char)c);
            }
        }
        string all = digits.ToString();
        Assert.True(all.Length > 300, "the runtime knows a few hundred decimal digits");

        // The digits alone, and every one of them in the places a number is read.
        var text = new StringBuilder(all).Append('\n');
        foreach (char d in all)
        {
            text.Append($"第{d}{d}/{d}号决议 resolution {d}/{d}{d} of {d} December 20{d}{d} 第{d}届会议 A/{d}/{d} S/RES/{d}({d}) {d}th session 第 {d} 次全体会议\n");
        }

        var document = await ExtractGuarded(text.ToString());

        // Only ASCII digits (and the full-width digits folded to them) make numbers.
        Assert.All(document.References, r => Assert.True(
            r.Surface.Any(c => c is >= '0' and <= '9' or >= '０' and <= '９'),
            $"{r.Kind.Name()} {r.Id} {ReferenceLine.Quote(r.Surface)} has no ASCII digit"));
    }

    [Fact]
    public async Task Lone_surrogates_are_read_without_error()
    {
        const string text = "\uDC00大会\uD800，回顾其 2011年 12月 9日第 66/69号决议\uD83D 和 resolution 66/69\uDE00 of 9 December 2011 \uD800A/RES/66/69\uDC00 𠀀 第\uD800\uD800七十届会议\uDBFF";

        var document = await ExtractGuarded(text);

        Assert.Contains(document.References, r => r.Id == "A/RES/66/69");
    }

    [Fact]
    public async Task A_hundred_thousand_repetitions_of_the_General_Assembly_finish()
    {
        var document = await ExtractGuarded(Repeat("大会", 100_000));

        Assert.Empty(document.References);
    }

    [Fact]
    public async Task A_megabyte_list_of_resolutions_finishes_and_every_item_points_at_its_text()
    {
        string text = "resolution 1/1" + RepeatToLength(", 1/1", 1_000_000);

        var document = await ExtractGuarded(text);

        Assert.NotEmpty(document.References);
        Assert.All(document.References, r => Assert.EndsWith("1/1", r.Surface, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_cut_at_random_from_the_seeds_yields_only_spans_that_point_at_their_surface()
    {
        string[] seeds = [.. Directory.EnumerateFiles(Repository.Path("seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        Assert.NotEmpty(seeds);
        string[] noise = ["\n", " ", "  ", "\u3000", "-\n", "\n*2016878*\n", "\n20-16878 (C)\n", "\n3/4\n", "大会大会大会大会", "／", "６", "（", "）", "\u00AD", "𠀀", "\uD800", "[", "]", "第", "号决议", " of ", "resolution "];
        var random = new Random(20240607);
        int references = 0;

        for (int sample = 0; sample < 300; sample++)
        {
            var text = new StringBuilder();
            int pieces = random.Next(1, 25);
            for (int p = 0; p < pieces; p++)
            {
                if (random.Next(3) == 0)
                {
                    text.Append(noise[random.Next(noise.Length)]);
                }
                else
                {
                    string seed = seeds[random.Next(seeds.Length)];
                    int start = random.Next(seed.Length);
                    text.Append(seed, start, Math.Min(seed.Length - start, random.Next(1, 400)));
                }
            }
            string input = text.ToString();

            var document = await ExtractGuarded(input);

            references += document.References.Count;
            for (int i = 1; i < document.References.Count; i++)
            {
                Assert.True(document.References[i - 1].Start <= document.References[i].Start, $"sample {sample}: references out of text order");
            }
        }

        Assert.True(references > 100, $"only {references} references in 300 samples: the property was barely exercised");
    }
}
