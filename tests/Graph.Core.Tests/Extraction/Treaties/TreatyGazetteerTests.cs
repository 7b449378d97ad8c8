using System.Text;
using Graph.Extraction.Treaties;

namespace Graph.Tests.Extraction.Treaties;

/// <summary>
/// The treaty gazetteer: the embedded data obeys its own rules, the treaties the seeds cite are found by the
/// very names the seeds use, and bad data is refused with a message that says what is wrong.
/// </summary>
public sealed class TreatyGazetteerTests
{
    private static readonly TreatyGazetteer Gazetteer = TreatyGazetteer.Default;

    [Fact]
    public void The_embedded_file_loads()
    {
        Assert.NotEmpty(Gazetteer.All);
        Assert.Same(Gazetteer, TreatyGazetteer.Default);
    }

    [Fact]
    public void Ids_are_unique()
    {
        var duplicates = Gazetteer.All.GroupBy(t => t.Id).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
        Assert.All(Gazetteer.All, t => Assert.Same(t, Gazetteer.ById(t.Id)));
    }

    [Fact]
    public void No_title_or_alias_names_two_treaties()
    {
        // Checked here by its own means, not by trusting the loader's check.
        var english = Gazetteer.All
            .SelectMany(t => t.Aliases.En.Prepend(t.Title).Select(n => (Key: TreatyNames.English(n).ToUpperInvariant(), t.Id)));
        var chinese = Gazetteer.All
            .SelectMany(t => t.Aliases.Zh.Prepend(t.TitleZh).Select(n => (Key: TreatyNames.Chinese(n).ToUpperInvariant(), t.Id)));
        foreach (var names in new[] { english, chinese })
        {
            var clashes = names.GroupBy(n => n.Key).Where(g => g.Select(n => n.Id).Distinct().Count() > 1).Select(g => g.Key);
            Assert.Empty(clashes);
        }
        Assert.All(Gazetteer.All, t =>
        {
            Assert.Same(t, Gazetteer.ByName(t.Title));
            Assert.Same(t, Gazetteer.ByName(t.TitleZh));
            Assert.All(t.Aliases.En.Concat(t.Aliases.Zh), alias => Assert.Same(t, Gazetteer.ByName(alias)));
            Assert.All(t.Abbreviations, abbreviation => Assert.Same(t, Gazetteer.ByAbbreviation(abbreviation)));
        });
    }

    [Fact]
    public void Every_treaty_has_an_English_and_a_Chinese_title_and_a_year()
    {
        Assert.All(Gazetteer.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Title), t.Id);
            Assert.Contains(t.TitleZh, c => c is >= '\u4E00' and <= '\u9FFF');
            Assert.DoesNotContain('《', t.TitleZh);
            Assert.InRange(t.Year, 1850, DateTime.UtcNow.Year);
        });
    }

    [Fact]
    public void Every_parent_exists_and_every_numbered_protocol_is_found_through_it()
    {
        Assert.All(Gazetteer.All.Where(t => t.Parent is not null), t => Assert.NotNull(Gazetteer.ById(t.Parent!)));
        Assert.All(Gazetteer.All.Where(t => t.Protocol is not null), t => Assert.Same(t, Gazetteer.ProtocolOf(t.Parent!, t.Protocol!)));
    }

    [Fact]
    public void Every_Treaty_Series_citation_finds_its_treaty()
    {
        Assert.All(Gazetteer.All.Where(t => t.Unts is not null), t =>
        {
            var found = Gazetteer.ByTreatySeries(t.Unts!.Volume, t.Unts.Number);
            Assert.NotNull(found);
            Assert.True(found == t || t.Parent == found.Id, t.Id);
        });
    }

    // The names exactly as seeds 000–004 write them, 《》 and PDF line breaks included.
    [Theory]
    [InlineData("《关于禁止使用、储存、生产和转让杀伤人员地雷及销毁此种地雷的公约》", "apmbc")]
    [InlineData("《禁止或限制使用地雷、诱杀装置和其他装置的议定书》", "ccw-p2-amended")]
    [InlineData("《禁止或限制\n\n使用某些可被认为具有过分伤害力或滥杀滥伤作用的常规武器公约》", "ccw")]
    [InlineData("《战\n\n争遗留爆炸物议定书》", "ccw-p5")]
    [InlineData("《集束弹公约》", "ccm")]
    [InlineData("集束弹公约", "ccm")]
    [InlineData("《集束弹药公约》", "ccm")]
    [InlineData("《日内瓦四公约》", "geneva-conventions")]
    [InlineData("《残疾人权利公约》", "crpd")]
    [InlineData("《联合国宪章》", "charter")]
    [InlineData("Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of\nAnti-personnel Mines and on Their Destruction", "apmbc")]
    [InlineData("Protocol on Prohibitions or Restrictions on the\nUse of Mines, Booby Traps and Other Devices, as amended in 1996", "ccw-p2-amended")]
    [InlineData("Convention\non Prohibitions or Restrictions on the Use of Certain Conventional Weapons Which May Be Deemed to Be\nExcessively Injurious or to Have Indiscriminate Effects", "ccw")]
    [InlineData("Protocol on Explosive Remnants of War", "ccw-p5")]
    [InlineData("Convention on Cluster Munitions", "ccm")]
    [InlineData("Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Protection of\nVictims of International Armed Conflicts", "ap-i")]
    [InlineData("Convention on the Rights of Persons\nwith Disabilities", "crpd")]
    [InlineData("Convention on the Rights of Persons with Disabilities", "crpd")]
    [InlineData("Charter of the United Nations", "charter")]
    public void The_treaties_the_seeds_cite_are_found_by_the_names_the_seeds_use(string name, string id) =>
        Assert.Equal(id, Gazetteer.ByName(name)?.Id);

    [Theory]
    [InlineData("the Convention on Cluster Munitions", "ccm")]
    [InlineData("CONVENTION ON CLUSTER MUNITIONS", "ccm")]
    [InlineData("  Convention   on\tCluster\r\nMunitions ", "ccm")]
    [InlineData("Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti\u2010personnel Mines and on Their Destruction", "apmbc")]
    [InlineData("Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on their Destruction", "apmbc")]
    [InlineData("《 集束弹药公约 》", "ccm")]
    [InlineData("禁止细菌(生物)及毒素武器的发展、生产及储存以及销毁这类武器的公约", "bwc")]
    [InlineData("禁止细菌（生物）及毒素武器的发展、生产及储存以及销毁这类武器的公约", "bwc")]
    public void Names_are_matched_after_normalisation(string name, string id) =>
        Assert.Equal(id, Gazetteer.ByName(name)?.Id);

    [Theory]
    [InlineData("Convention on Cluster")]
    [InlineData("Cluster Munitions")]
    [InlineData("集束弹药")]
    [InlineData("")]
    [InlineData("the ")]
    public void A_part_of_a_name_is_not_a_name(string name) => Assert.Null(Gazetteer.ByName(name));

    [Fact]
    public void The_CRPD_is_found_by_its_Treaty_Series_citation_and_the_CCM_by_its_own()
    {
        Assert.Equal("crpd", Gazetteer.ByTreatySeries(2515, 44910)?.Id);
        Assert.Equal("ccm", Gazetteer.ByTreatySeries(2688, 47713)?.Id);
        Assert.Null(Gazetteer.ByTreatySeries(2688, 1));
    }

    [Fact]
    public void The_protocols_of_the_1980_Convention_are_found_by_their_numbers()
    {
        var protocolV = Gazetteer.ProtocolOf("ccw", "V");
        Assert.NotNull(protocolV);
        Assert.Equal("ccw-p5", protocolV.Id);
        Assert.Equal("Protocol on Explosive Remnants of War", protocolV.Title);
        Assert.Equal(2003, protocolV.Year);
        Assert.Equal("ccw-p2-amended", Gazetteer.ProtocolOf("ccw", "II-amended")?.Id);
        Assert.Equal("ccw-p2-amended", Gazetteer.ProtocolOf("ccw", " ii-AMENDED ")?.Id);
        Assert.Equal("ccw-p2", Gazetteer.ProtocolOf("ccw", "II")?.Id);
        Assert.Equal("ap-i", Gazetteer.ProtocolOf("geneva-conventions", "I")?.Id);
        Assert.Null(Gazetteer.ProtocolOf("ccw", "VI"));
        Assert.Null(Gazetteer.ProtocolOf("ccm", "V"));
    }

    [Fact]
    public void Abbreviations_are_case_sensitive()
    {
        Assert.Equal("ccw", Gazetteer.ByAbbreviation("CCW")?.Id);
        Assert.Equal("npt", Gazetteer.ByAbbreviation("NPT")?.Id);
        Assert.Null(Gazetteer.ByAbbreviation("cat"));
        Assert.Equal("cat", Gazetteer.ByAbbreviation("CAT")?.Id);
    }

    [Fact]
    public void Names_lists_every_title_and_alias_of_a_language_once()
    {
        var english = Gazetteer.Names("en").ToList();
        var chinese = Gazetteer.Names("zh").ToList();
        Assert.Contains("Convention on Cluster Munitions", english);
        Assert.Contains("Cluster Munitions Convention", english);
        Assert.Contains("集束弹药公约", chinese);
        Assert.Contains("集束弹公约", chinese);
        Assert.DoesNotContain(english, n => n.Any(c => c is >= '\u4E00' and <= '\u9FFF'));
        Assert.Equal(english.Count, english.Distinct().Count());
        Assert.Equal(chinese.Count, chinese.Distinct().Count());
        Assert.Equal(Gazetteer.All.Count, Gazetteer.All.Count(t => english.Contains(t.Title) && chinese.Contains(t.TitleZh)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gazetteer.Names("fr"));
    }

    private const string Valid = """
        { "id": "a", "title": "Convention A", "titleZh": "甲公约", "aliases": { "en": [], "zh": [] }, "abbreviations": [], "year": 2000, "unts": null, "parent": null, "protocol": null }
        """;

    private static TreatyGazetteer LoadJson(params string[] treaties) =>
        TreatyGazetteer.Load(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "treaties": [ {{string.Join(",", treaties)}} ] }""")));

    private static string Refused(params string[] treaties) =>
        Assert.Throws<InvalidDataException>(() => LoadJson(treaties)).Message;

    [Fact]
    public void Hand_written_valid_data_loads()
    {
        var gazetteer = LoadJson(Valid, """
            { "id": "a-p1", "title": "Protocol I to Convention A", "titleZh": "甲公约第一议定书", "year": 2001, "parent": "a", "protocol": "I",
              "unts": { "volume": 10, "number": 20 } }
            """);
        Assert.Equal(2, gazetteer.All.Count);
        Assert.Equal("a-p1", gazetteer.ProtocolOf("a", "I")?.Id);
        Assert.Equal("a-p1", gazetteer.ByTreatySeries(10, 20)?.Id);
        Assert.Empty(gazetteer.ById("a")!.Aliases.En);
    }

    [Fact]
    public void An_instrument_of_kind_document_loads_as_a_titled_document_not_a_treaty()
    {
        var gazetteer = LoadJson(Valid, """
            { "id": "poa", "kind": "document", "title": "Programme of Action B", "titleZh": "乙行动纲领", "year": 2001 }
            """);
        Assert.True(gazetteer.ById("a")!.IsTreaty);
        Assert.False(gazetteer.ById("poa")!.IsTreaty);
        Assert.Equal("poa", gazetteer.ByName("《乙行动纲领》")?.Id);
    }

    [Fact]
    public void An_unknown_kind_is_refused_by_name()
    {
        string message = Refused(Valid.Replace("\"id\": \"a\",", "\"id\": \"a\", \"kind\": \"programme\",", StringComparison.Ordinal));
        Assert.Contains("kind \"programme\"", message);
    }

    [Fact]
    public void The_embedded_instruments_that_are_not_treaties_are_documents()
    {
        Assert.False(Gazetteer.ById("imas")!.IsTreaty);
        Assert.False(Gazetteer.ById("poa-salw")!.IsTreaty);
        Assert.True(Gazetteer.ById("ccm")!.IsTreaty);
    }

    [Fact]
    public void A_duplicate_id_is_refused_by_name()
    {
        string message = Refused(Valid, Valid.Replace("Convention A", "Convention B", StringComparison.Ordinal).Replace("甲", "乙", StringComparison.Ordinal));
        Assert.Contains("duplicate treaty id", message);
        Assert.Contains("\"a\"", message);
    }

    [Fact]
    public void An_alias_naming_two_treaties_is_refused_by_name()
    {
        string message = Refused(Valid, """
            { "id": "b", "title": "Convention B", "titleZh": "乙公约", "aliases": { "en": ["the  CONVENTION A"], "zh": [] }, "year": 2001 }
            """);
        Assert.Contains("ambiguous name", message);
        Assert.Contains("the  CONVENTION A", message);
        Assert.Contains("\"a\"", message);
        Assert.Contains("\"b\"", message);
    }

    [Fact]
    public void A_Chinese_alias_naming_two_treaties_is_refused_by_name()
    {
        string message = Refused(Valid, """
            { "id": "b", "title": "Convention B", "titleZh": "乙公约", "aliases": { "zh": ["甲 公约"] }, "year": 2001 }
            """);
        Assert.Contains("ambiguous name \"甲 公约\" (zh)", message);
    }

    [Fact]
    public void An_abbreviation_given_to_two_treaties_is_refused_by_name()
    {
        string message = Refused(
            Valid.Replace("\"abbreviations\": []", "\"abbreviations\": [\"XYZ\"]", StringComparison.Ordinal),
            """{ "id": "b", "title": "Convention B", "titleZh": "乙公约", "abbreviations": ["XYZ"], "year": 2001 }""");
        Assert.Contains("ambiguous abbreviation \"XYZ\"", message);
    }

    [Fact]
    public void An_unknown_parent_is_refused_by_name()
    {
        string message = Refused("""{ "id": "p", "title": "Protocol", "titleZh": "议定书", "year": 2001, "parent": "nowhere", "protocol": "I" }""");
        Assert.Contains("unknown parent \"nowhere\"", message);
    }

    [Fact]
    public void A_parent_cycle_is_refused()
    {
        string message = Refused(
            """{ "id": "a", "title": "A", "titleZh": "甲", "year": 2001, "parent": "b" }""",
            """{ "id": "b", "title": "B", "titleZh": "乙", "year": 2001, "parent": "a" }""");
        Assert.Contains("its own ancestor", message);
    }

    [Theory]
    [InlineData("""{ "id": "x", "titleZh": "甲", "year": 2001 }""", "treaty \"x\" has no title")]
    [InlineData("""{ "id": "x", "title": " ", "titleZh": "甲", "year": 2001 }""", "treaty \"x\" has no title")]
    [InlineData("""{ "id": "x", "title": "X", "year": 2001 }""", "treaty \"x\" has no Chinese title")]
    [InlineData("""{ "id": "x", "title": "X", "titleZh": "甲" }""", "treaty \"x\" has no year")]
    [InlineData("""{ "title": "X", "titleZh": "甲", "year": 2001 }""", "treaty #1 has no id")]
    [InlineData("""{ "id": "Bad_Id", "title": "X", "titleZh": "甲", "year": 2001 }""", "not lowercase kebab-case")]
    [InlineData("""{ "id": "x", "title": "X", "titleZh": "《甲》", "year": 2001 }""", "without them")]
    [InlineData("""{ "id": "x", "title": "X", "titleZh": "甲", "year": 2001, "protocol": "I" }""", "names no parent")]
    [InlineData("""{ "id": "x", "title": "X", "titleZh": "甲", "year": 2001, "unts": { "volume": 1 } }""", "positive volume and number")]
    [InlineData("""{ "id": "x", "title": "X", "titleZh": "甲", "year": 2001, "titleZH": "甲" }""", "not valid")]
    public void An_entry_missing_what_it_must_have_is_refused_by_name(string entry, string expected) =>
        Assert.Contains(expected, Refused(entry));

    [Fact]
    public void A_protocol_designation_outside_the_convention_is_refused()
    {
        string message = Refused(Valid, """{ "id": "p", "title": "P", "titleZh": "议定书", "year": 2001, "parent": "a", "protocol": "AP-I" }""");
        Assert.Contains("protocol designation \"AP-I\"", message);
    }

    [Fact]
    public void A_Treaty_Series_citation_shared_by_unrelated_treaties_is_refused()
    {
        string message = Refused(
            """{ "id": "a", "title": "A", "titleZh": "甲", "year": 2001, "unts": { "volume": 5, "number": 6 } }""",
            """{ "id": "b", "title": "B", "titleZh": "乙", "year": 2001, "unts": { "volume": 5, "number": 6 } }""");
        Assert.Contains("vol. 5, No. 6", message);
    }

    [Fact]
    public void Malformed_json_is_refused_as_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => TreatyGazetteer.Load(new MemoryStream(Encoding.UTF8.GetBytes("{ \"treaties\": [ "))));
        Assert.Throws<InvalidDataException>(() => TreatyGazetteer.Load(new MemoryStream(Encoding.UTF8.GetBytes("{}"))));
    }
}
