using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary>
/// The corpus generator the throughput tests and benchmarks rely on: deterministic, a unique symbol per document, and
/// documents the real <c>graph extract</c> reads as it reads their seeds.
/// </summary>
public sealed partial class CorpusGeneratorTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // A number with the letter of a resolution (51/45N): a citation may gain or lose one when it is renumbered.
    [GeneratedRegex(@"[0-9]+[A-Z]?|January|February|March|April|May|June|July|August|September|October|November|December", RegexOptions.CultureInvariant)]
    private static partial Regex NumbersAndMonths();

    [Fact]
    public void The_same_seed_gives_byte_identical_documents()
    {
        var first = new CorpusGenerator(42);
        var second = new CorpusGenerator(42);

        foreach (int i in new[] { 0, 1, 2, 3, 4, 5, 99, 1_000, 9_000, 50_000 })
        {
            Assert.Equal(first.Document(i), second.Document(i));
        }
    }

    [Fact]
    public void A_document_does_not_depend_on_how_many_are_generated_or_in_which_order()
    {
        var alone = new CorpusGenerator(42).Document(37);
        var afterOthers = new CorpusGenerator(42);
        for (int i = 60; i >= 0; i--)
        {
            afterOthers.Document(i);
        }

        Assert.Equal(alone, afterOthers.Document(37));
    }

    [Fact]
    public void Written_files_are_the_documents_in_utf8_without_a_byte_order_mark_whatever_the_count()
    {
        using var few = new TempFolder();
        using var more = new TempFolder();
        var generator = new CorpusGenerator(42);

        long bytes = generator.Write(few.Root, 12);
        new CorpusGenerator(42).Write(more.Root, 30);

        long sum = 0;
        for (int i = 0; i < 12; i++)
        {
            byte[] written = File.ReadAllBytes(few.Path(generator.FileName(i)));
            Assert.Equal(Utf8.GetBytes(generator.Document(i)), written);
            Assert.Equal(written, File.ReadAllBytes(more.Path(generator.FileName(i))));
            sum += written.Length;
        }
        Assert.Equal(sum, bytes);
        Assert.Equal(12, Directory.EnumerateFiles(few.Root, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Different_seeds_give_different_documents_with_the_same_symbols()
    {
        var one = new CorpusGenerator(1);
        var two = new CorpusGenerator(2);

        for (int i = 0; i < 10; i++)
        {
            Assert.NotEqual(one.Document(i), two.Document(i));
            Assert.Equal(one.Symbol(i), two.Symbol(i));
        }
    }

    [Fact]
    public void Every_symbol_is_unique_across_the_largest_corpus_and_has_at_most_four_digits()
    {
        var generator = new CorpusGenerator(1);
        var symbols = new HashSet<string>(StringComparer.Ordinal);

        for (int i = 0; i < CorpusGenerator.MaxDocuments; i++)
        {
            string symbol = generator.Symbol(i);
            Assert.True(symbols.Add(symbol), $"document {i} repeats {symbol}");
            Assert.Matches(@"^A/RES/[0-9]{2}/[1-9][0-9]{3}[A-Z]?$", symbol);
        }
    }

    [Fact]
    public void Indices_outside_the_corpus_are_refused()
    {
        var generator = new CorpusGenerator(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Document(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Symbol(CorpusGenerator.MaxDocuments));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.FileName(-5));
    }

    [Fact]
    public void File_names_sort_in_index_order_in_folders_of_at_most_a_thousand_files()
    {
        var generator = new CorpusGenerator(1);
        var names = Enumerable.Range(0, 5_500).Select(generator.FileName).ToList();

        Assert.Equal("gen/0001/gen-0001234.txt", generator.FileName(1_234));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(names.GroupBy(Path.GetDirectoryName), folder => Assert.True(folder.Count() <= 1_000, $"{folder.Key} holds {folder.Count()} files"));
    }

    [Fact]
    public void Write_until_stops_at_the_first_document_that_reaches_the_size()
    {
        using var temp = new TempFolder();
        var generator = new CorpusGenerator(3);

        long bytes = generator.WriteUntil(temp.Root, 100_000, out int count);

        var sizes = Enumerable.Range(0, count).Select(i => new FileInfo(temp.Path(generator.FileName(i))).Length).ToList();
        Assert.Equal(sizes.Sum(), bytes);
        Assert.True(bytes >= 100_000, $"{bytes} bytes");
        Assert.True(bytes - sizes[^1] < 100_000, $"{count} documents, {bytes} bytes: one too many");
        Assert.Equal(count, Directory.EnumerateFiles(temp.Root, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_document_is_its_seed_with_only_numbers_and_month_names_changed()
    {
        var generator = new CorpusGenerator(5);

        for (int i = 0; i < 25; i++)
        {
            string document = generator.Document(i);
            Assert.Equal(NumbersAndMonths().Replace(generator.SeedOf(i).Text, "#"), NumbersAndMonths().Replace(document, "#"));
            Assert.NotEqual(generator.SeedOf(i).Text, document);
        }
    }

    /// <summary>Numbers that must come through untouched: inside longer numbers and symbols, page furniture, treaty dates.</summary>
    [Theory]
    [InlineData("*2016878*")]
    [InlineData("20-16878 (C)    181220    211220")]
    [InlineData("CCM/CONF/2015/7")]
    [InlineData("CCM/MSP/2016/9")]
    [InlineData("A/CONF.192/BMS/2014/2")]
    [InlineData("A/CONF.192/2012/RC/4")]
    [InlineData("S/2001/574")]
    [InlineData("S/PRST/2001/21")]
    [InlineData("12 August 1949")]
    [InlineData("1949 年 8 月 12")]
    [InlineData("1980 年公约第五议定书")]
    [InlineData("2013-2018 年联合国地雷")]
    [InlineData(" 3/4\n")]
    [InlineData("第 65 次全体会议")]
    public void What_is_not_a_symbol_or_a_date_of_its_own_is_left_as_the_seed_has_it(string kept)
    {
        var generator = new CorpusGenerator(6);
        Assert.Contains(generator.Seeds, seed => seed.Text.Contains(kept, StringComparison.Ordinal));

        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(Occurrences(generator.SeedOf(i).Text, kept), Occurrences(generator.Document(i), kept));
        }
    }

    [Fact]
    public void Every_document_gives_itself_its_own_symbol_when_extracted()
    {
        Assert.Equal(corpus.Indices.Order(), corpus.Documents.Keys.Order());
        foreach (var (i, document) in corpus.Documents)
        {
            // Nor does it still name its seed anywhere (a running head A/RES/69/60 would become a citation of the seed).
            string seedSymbol = (string)corpus.Seeds[corpus.Generator.SeedOf(i).Name]["symbol"]!;
            Assert.Equal(corpus.Generator.Symbol(i), (string?)document["symbol"]);
            Assert.DoesNotContain(References(document), r => (string?)r["id"] == corpus.Generator.Symbol(i) || (string?)r["id"] == seedSymbol);
        }
    }

    [Fact]
    public void Every_document_has_about_as_many_references_as_its_seed_and_no_new_diagnostic()
    {
        foreach (var (i, document) in corpus.Documents)
        {
            var seed = corpus.Seeds[corpus.Generator.SeedOf(i).Name];
            int expected = References(seed).Count, actual = References(document).Count;
            Assert.True(Math.Abs(actual - expected) <= expected / 10, $"document {i}: {actual} references, its seed {expected}");
            Assert.Empty(DiagnosticCodes(document).Except(DiagnosticCodes(seed)));
        }
    }

    [Fact]
    public void The_corpus_cites_earlier_documents_of_itself_and_never_later_ones()
    {
        var generated = Enumerable.Range(0, corpus.Indices.Max() + 1).ToDictionary(corpus.Generator.Symbol, StringComparer.Ordinal);
        int selfCitations = 0;

        foreach (var (i, document) in corpus.Documents)
        {
            foreach (string id in References(document).Select(r => (string)r["id"]!).Where(generated.ContainsKey))
            {
                Assert.True(generated[id] < i, $"document {i} cites {id}, document {generated[id]}");
                selfCitations++;
            }
        }
        Assert.True(selfCitations >= 10, $"{selfCitations} citations of the corpus by itself");
    }

    [Fact]
    public void Cited_resolutions_and_reports_are_renumbered_within_their_sessions()
    {
        var generated = Enumerable.Range(0, corpus.Indices.Max() + 1).Select(corpus.Generator.Symbol).ToHashSet(StringComparer.Ordinal);
        int pairs = 0, renumbered = 0;
        foreach (var (i, document) in corpus.Documents)
        {
            var seedReferences = References(corpus.Seeds[corpus.Generator.SeedOf(i).Name]);
            var references = References(document);
            Assert.Equal(seedReferences.Count, references.Count);
            var ids = references.Select(r => (string)r["id"]!).ToHashSet(StringComparer.Ordinal);
            foreach (var (was, now) in seedReferences.Select(r => (string)r["id"]!).Zip(references.Select(r => (string)r["id"]!)))
            {
                if (UnSymbol().Match(was) is not { Success: true } before || generated.Contains(now))
                {
                    continue;
                }
                var after = UnSymbol().Match(now);
                Assert.True(after.Success && after.Groups["series"].Value == before.Groups["series"].Value && after.Groups["rest"].Value == before.Groups["rest"].Value,
                    $"document {i}: {was} became {now}");
                // A report and its addendum or corrigendum (A/68/63 and A/68/63/Add.1, A/55/985-S/2001/574 and
                // A/55/985/Corr.1-S/2001/574/Corr.1) are renumbered together.
                string stem = now[..^after.Groups["rest"].Value.Length];
                Assert.True(after.Groups["rest"].Value.Length == 0 || ids.Any(id => id == stem || id.StartsWith(stem + "-", StringComparison.Ordinal)),
                    $"document {i}: {now} without its report");
                pairs++;
                renumbered += was == now ? 0 : 1;
            }
        }
        Assert.True(renumbered > pairs * 9 / 10, $"{renumbered} of {pairs} cited symbols renumbered");
    }

    // A symbol of the General Assembly with its session, and what follows its number: A/RES/66/69, A/DEC/58/519,
    // A/68/63/Add.1, A/55/985-S/2001/574 (not A/CONF.192/…).
    [GeneratedRegex(@"^(?<series>A/(?:RES/|DEC/)?[0-9]{2}/)[0-9]{1,4}[A-Z]?(?<rest>[/-].*)?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex UnSymbol();

    [Fact]
    public void Every_date_of_a_document_moves_by_the_same_years_and_days()
    {
        int moved = 0;
        foreach (var (i, document) in corpus.Documents)
        {
            var seed = corpus.Seeds[corpus.Generator.SeedOf(i).Name];
            var pairs = Dates(seed).Zip(Dates(document)).ToList();
            Assert.Equal(Dates(seed).Count, Dates(document).Count);
            Assert.True(
                Shifts().Any(s => pairs.All(p => p.First.AddYears(s.Years).AddDays(s.Days) == p.Second)),
                $"document {i}: dates {string.Join(", ", pairs)} do not move together");
            moved += pairs.Any(p => p.First != p.Second) ? 1 : 0;
        }
        Assert.True(moved > corpus.Documents.Count / 2, $"only {moved} documents have moved dates");
    }

    /// <summary>The adoption date, then the date of every reference that has one (the first day of a range).</summary>
    private static List<DateOnly> Dates(JsonObject document) =>
        [.. new[] { (string?)document["adopted"]!["date"] }
            .Concat(References(document).Select(r => (string?)r["date"]))
            .OfType<string>()
            .Select(d => DateOnly.ParseExact(d.Split('/')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private static IEnumerable<(int Years, int Days)> Shifts() =>
        from years in Enumerable.Range(-3, 7) from days in Enumerable.Range(-60, 121) select (years, days);

    private static List<JsonObject> References(JsonObject document) => [.. ((JsonArray)document["references"]!).Cast<JsonObject>()];

    private static IEnumerable<string> DiagnosticCodes(JsonObject document) =>
        ((JsonArray)document["diagnostics"]!).Select(d => (string)d!["code"]!);

    private static int Occurrences(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
