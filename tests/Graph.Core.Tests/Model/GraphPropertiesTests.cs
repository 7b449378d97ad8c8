using System.Text.Json;
using Graph.Model;

namespace Graph.Tests.Model;

/// <summary>Evidence and property maps as JSON: the form the Neo4j store keeps on relationships and reads back.</summary>
public sealed class GraphPropertiesTests
{
    public static TheoryData<string> Surfaces => ["回顾其 2011 年 12 月 9 日第 66/69 号决议", "quote \" backslash \\ line\nbreak", "\u2028\t\u0001"];

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void Evidence_read_back_from_its_json_is_the_evidence_written(string surface)
    {
        var evidence = new Evidence
        {
            Source = "A/RES/68/72@zh",
            Language = "zh",
            File = "seeds/000_59d55c22d464376a.txt",
            Surface = surface,
            Offset = 1234,
            Length = surface.Length,
            Paragraph = new Paragraph(Paragraph.Preamble, 3),
            Footnote = 12,
            Page = 3,
            Pinpoint = "para. 96",
            Date = "2011-12-09",
        };

        Assert.Equal(evidence, GraphProperties.EvidenceFromJson(GraphProperties.EvidenceJson(evidence)));
    }

    [Fact]
    public void Evidence_without_the_optional_fields_reads_back_without_them()
    {
        var evidence = new Evidence { Source = "derived:series", Language = "en", File = "a.txt", Paragraph = new Paragraph(Paragraph.Heading, null) };

        Assert.Equal(evidence, GraphProperties.EvidenceFromJson(GraphProperties.EvidenceJson(evidence)));
    }

    /// <remarks>
    /// Only a PDF has pages, and evidence from a text file must be written byte for byte as before PDFs were read:
    /// stores, exports and golden outputs compare it.
    /// </remarks>
    [Fact]
    public void The_page_is_written_after_the_footnote_when_known_and_left_out_when_not()
    {
        var text = new Evidence { Source = "A/RES/68/72@en", Language = "en", File = "a.txt", Offset = 5, Footnote = 2, Pinpoint = "para. 1" };

        Assert.Equal(
            """{"source":"A/RES/68/72@en","language":"en","file":"a.txt","offset":5,"footnote":2,"pinpoint":"para. 1"}""",
            GraphProperties.EvidenceJson(text));
        Assert.Equal(
            """{"source":"A/RES/68/72@en","language":"en","file":"a.pdf","offset":5,"footnote":2,"page":14,"pinpoint":"para. 1"}""",
            GraphProperties.EvidenceJson(text with { File = "a.pdf", Page = 14 }));
        Assert.Null(GraphProperties.EvidenceFromJson(GraphProperties.EvidenceJson(text)).Page);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"language\":\"en\",\"file\":\"a.txt\"}")]
    public void Evidence_json_that_is_not_an_object_with_a_source_is_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => GraphProperties.EvidenceFromJson(json));

    [Fact]
    public void A_property_map_reads_back_with_its_integers_booleans_texts_and_lists()
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["date"] = "2013-12-05",
            ["members"] = 7L,
            ["protocol"] = true,
            ["languages"] = new[] { "en", "zh" },
        };

        var read = GraphProperties.FromJson(GraphProperties.ToJson(properties));

        Assert.Equal(["date", "languages", "members", "protocol"], read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2013-12-05", read["date"]);
        Assert.Equal(7L, read["members"]);
        Assert.Equal(true, read["protocol"]);
        Assert.Equal(["en", "zh"], (string[])read["languages"]);
    }
}
