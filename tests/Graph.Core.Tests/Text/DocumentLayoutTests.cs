using Graph.Text;

namespace Graph.Tests.Text;

/// <summary>
/// The layout PDF extraction leaves: footnote blocks under a rule of underscores at the page bottoms, numbered on
/// across pages, and the markers in the body that point to them. The texts are cut from the seeds.
/// </summary>
public sealed class DocumentLayoutTests
{
    private static string TextOf(string original, Footnote f) => original[f.Start..f.End];

    /// <summary>The offset of the <paramref name="occurrence"/>-th (from 1) <paramref name="what"/> in <paramref name="text"/>.</summary>
    private static int Nth(string text, string what, int occurrence)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(what, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"\"{what}\" occurs fewer than {occurrence} times");
        }
        return at;
    }

    [Fact]
    public void A_block_under_a_rule_holds_footnotes_that_open_with_their_number()
    {
        const string text =
            "  赞赏地表示注意到秘书长关于预防武装冲突的报告\n1 \n除其他外，提到小武器\n\n" +
            " 表示注意到安全理事会主席 2001 年 8 月 31 日的声明，\n2 \n其中强调实际裁军， \n" +
            "_______________ \n1\n A/55/985-S/2001/574 和 Corr.1。 \n\n2\n S/PRST/2001/21。 \n";
        var layout = DocumentLayout.Analyse(text);

        Assert.Single(layout.Separators);
        Assert.Equal([1, 2], layout.Footnotes.Select(f => f.Number));
        Assert.Equal("A/55/985-S/2001/574 和 Corr.1。", TextOf(text, layout.Footnotes[0]));
        Assert.Equal("S/PRST/2001/21。", TextOf(text, layout.Footnotes[1]));
        Assert.Equal(Nth(text, "\n1\n", 1) + 1, layout.Footnotes[0].NumberStart);
        Assert.Same(layout.Footnotes[1], layout.FootnoteAt(text.IndexOf("S/PRST", StringComparison.Ordinal)));
        Assert.Null(layout.FootnoteAt(text.IndexOf("除其他外", StringComparison.Ordinal)));
    }

    [Fact]
    public void Text_without_a_rule_has_no_footnotes()
    {
        var layout = DocumentLayout.Analyse("5\nA/68/63.\n6\nA/68/63/Add.1.\n");

        Assert.Empty(layout.Footnotes);
        Assert.Empty(layout.Separators);
    }

    [Fact]
    public void Numbering_runs_on_across_pages()
    {
        const string text =
            "Recalling also all relevant treaties and conventions 1 and their review\nprocesses,\n" +
            "_______________\n1\nThese include the Convention on Cluster Munitions, 2008.\n" +
            "Taking note of the report of the Joint Inspection Unit 2 and the related note by the Secretary-General, 3\n" +
            "_______________\n2\nA/68/63.\n3\nA/68/63/Add.1.\n";
        var layout = DocumentLayout.Analyse(text);

        Assert.Equal(2, layout.Separators.Count);
        Assert.Equal([1, 2, 3], layout.Footnotes.Select(f => f.Number));
        Assert.Equal("A/68/63/Add.1.", TextOf(text, layout.Footnotes[2]));
        Assert.Equal(text.IndexOf("Unit 2", StringComparison.Ordinal) + "Unit ".Length, layout.Footnotes[1].MarkerStart);
    }

    [Fact]
    public void A_number_out_of_sequence_does_not_open_a_footnote()
    {
        const string text = "Takes note of the report; 1\n_______________\n1 A/68/63.\n3 A/68/305.\n";
        var layout = DocumentLayout.Analyse(text);

        Assert.Equal([1], layout.Footnotes.Select(f => f.Number));
        Assert.Equal("A/68/63.", TextOf(text, layout.Footnotes[0]));
    }

    [Fact]
    public void A_footnote_runs_over_its_lines_to_its_full_stop_and_an_abbreviation_does_not_end_it()
    {
        const string text =
            "including through the Convention on the Rights of Persons with Disabilities, 1 and resolved\n" +
            "_______________\n1 United Nations, Treaty Series, vol. 2515, No.\n44910.\n";
        var layout = DocumentLayout.Analyse(text);

        Assert.Equal("United Nations, Treaty Series, vol. 2515, No.\n44910.", TextOf(text, Assert.Single(layout.Footnotes)));
    }

    [Fact]
    public void Link_lines_printed_under_the_footnotes_belong_to_the_block()
    {
        const string text =
            " 还表示注意到《政治宣言》，1 确定 2030 年为执行\n\n" +
            "__________________ \n\n 1 CCM/MSP/2016/9，附件一。 \n\n" +
            "https://undocs.org/ch/CCM/MSP/2016/9\n  承认妇女和男子充分涉猎\n";
        var footnote = Assert.Single(DocumentLayout.Analyse(text).Footnotes);

        Assert.Equal("CCM/MSP/2016/9，附件一。 \n\nhttps://undocs.org/ch/CCM/MSP/2016/9", TextOf(text, footnote));
        Assert.Equal(text.IndexOf("，1", StringComparison.Ordinal) + 1, footnote.MarkerStart);
    }

    [Fact]
    public void Page_numbers_job_numbers_and_running_heads_are_not_footnotes_nor_part_of_one()
    {
        const string text =
            "Recalling also all relevant treaties and conventions 1 and their review processes,\n" +
            "_______________\n1\nThese include the Convention on Cluster Munitions, 2008.\n" +
            "13-44567 (E)\n2/4\nA/RES/68/72 Assistance in mine action\n" +
            "mine action 2 and the related note by the Secretary-General,\n" +
            "_______________\n2\nA/68/63.\n";
        var layout = DocumentLayout.Analyse(text);

        Assert.Equal([1, 2], layout.Footnotes.Select(f => f.Number));
        Assert.Equal("These include the Convention on Cluster Munitions, 2008.", TextOf(text, layout.Footnotes[0]));
        Assert.Null(layout.FootnoteAt(text.IndexOf("13-44567", StringComparison.Ordinal)));
        Assert.Null(layout.FootnoteAt(text.IndexOf("2/4", StringComparison.Ordinal)));
        Assert.Null(layout.FootnoteAt(text.IndexOf("A/RES/68/72", StringComparison.Ordinal)));
        Assert.Equal(text.IndexOf("action 2", StringComparison.Ordinal) + "action ".Length, layout.Footnotes[1].MarkerStart);
    }

    [Fact]
    public void A_Chinese_running_head_and_page_number_close_the_block()
    {
        const string text =
            "重申各国支持并承诺充分、有效执行《行动纲领》\n1 \n的所有规定 \n" +
            "_______________ \n1\n 《联合国小武器和轻武器非法贸易各方面问题大会的报告，2001 年 7 月 9日至 20 日，纽约》\n\n" +
            "(A/CONF.192/15)，第四章，第 24 段。 \n\n\n\n以实际裁军措施巩固和平 A/RES/69/60\n\n \n\n 3/4\n\n国际文书》\n";
        var layout = DocumentLayout.Analyse(text);

        var footnote = Assert.Single(layout.Footnotes);
        Assert.EndsWith("第 24 段。", TextOf(text, footnote), StringComparison.Ordinal);
        Assert.Null(layout.FootnoteAt(text.IndexOf("以实际裁军措施", StringComparison.Ordinal)));
        Assert.Null(layout.FootnoteAt(text.IndexOf("国际文书", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_marker_alone_on_its_line()
    {
        const string text = " 又回顾所有相关条约和公约\n1 \n及其审查进程， \n_______________ \n1\n 其中包括：2008 年《集束弹公约》。 \n";
        var footnote = Assert.Single(DocumentLayout.Analyse(text).Footnotes);

        Assert.Equal(text.IndexOf("\n1 \n", StringComparison.Ordinal) + 1, footnote.MarkerStart);
        Assert.Equal(1, footnote.MarkerLength);
    }

    [Fact]
    public void A_marker_after_punctuation()
    {
        const string text = "《2015 年杜布罗夫尼克政治宣言》1 和《杜\n\n布罗夫尼克行动计划》，2  \n\n__________________ \n\n 1 CCM/CONF/2015/7，附件一。 \n\n 2 同上，附件三。 \n";
        var layout = DocumentLayout.Analyse(text);

        Assert.Equal(text.IndexOf("》1", StringComparison.Ordinal) + 1, layout.Footnotes[0].MarkerStart);
        Assert.Equal(text.IndexOf("，2", StringComparison.Ordinal) + 1, layout.Footnotes[1].MarkerStart);
    }

    [Fact]
    public void An_inline_English_marker()
    {
        const string text =
            "problems caused by the presence of mines and explosive remnants of war, 1 which\nhave serious consequences,\n" +
            "_______________\n1\nAs defined by Protocol V to the 1980 Convention.\n";
        var footnote = Assert.Single(DocumentLayout.Analyse(text).Footnotes);

        Assert.Equal(text.IndexOf("war, 1", StringComparison.Ordinal) + "war, ".Length, footnote.MarkerStart);
    }

    [Fact]
    public void A_marker_may_follow_a_year_or_a_symbol()
    {
        const string text =
            "Recalling the Geneva Conventions of 12 August 1949 1 and the report (A/68/63) 2 thereon,\n" +
            "_______________\n1 United Nations, Treaty Series, vol. 75, Nos. 970–973.\n2 A/68/63/Add.1.\n";
        var layout = DocumentLayout.Analyse(text);

        Assert.Equal(text.IndexOf("1949 1", StringComparison.Ordinal) + "1949 ".Length, layout.Footnotes[0].MarkerStart);
        Assert.Equal(text.IndexOf(") 2", StringComparison.Ordinal) + ") ".Length, layout.Footnotes[1].MarkerStart);
    }

    /// <summary>Each body has a number 1 that is not a marker before the real marker, written <c>[1]</c> here.</summary>
    [Theory]
    [InlineData("还表示注意到 2016 年 9 月 1 日至 7 日在日内瓦举行的会议通过的《政治宣言》，[1] 确定")]
    [InlineData("Taking note of the Declaration adopted in Geneva from 1 to 7 September 2016, [1] which")]
    [InlineData("Noting that 1 December 2018 marked the anniversary of the Convention, [1] and")]
    [InlineData("Recalling its resolution 66/69, in particular paragraph 1 thereof, [1] and")]
    [InlineData("Reaffirming the Convention, in particular Article 1 thereof, [1] and")]
    [InlineData("Recalling its resolution 70/1 of 25 September 2015 and agenda item 1, [1] and")]
    [InlineData("注意到已有 1 个国家加入《集束弹药公约》，[1] 其中")]
    [InlineData("回顾其第 66/69 号决议第 1 段，[1] 又")]
    [InlineData("Recalling the report (A/68/63/Add. 1), [1] and")]
    [InlineData("Recalling the year 2011 and the 21 States that reported, [1] and")]
    public void A_day_a_year_a_count_or_a_paragraph_number_is_not_a_marker(string body)
    {
        int marker = body.IndexOf("[1]", StringComparison.Ordinal);
        string text = body.Replace("[1]", "1", StringComparison.Ordinal) + "\n_______________\n1 A/68/305.\n";
        var footnote = Assert.Single(DocumentLayout.Analyse(text).Footnotes);

        Assert.Equal(marker, footnote.MarkerStart);
    }

    [Fact]
    public void An_operative_paragraph_number_is_not_a_marker_and_a_missing_marker_is_null()
    {
        const string text = " 1. 表示注意到秘书长的报告； \n\n_______________ \n1\n A/68/305。 \n";
        var footnote = Assert.Single(DocumentLayout.Analyse(text).Footnotes);

        Assert.Null(footnote.MarkerStart);
    }

    [Fact]
    public void Markers_and_footnote_numbers_are_not_in_the_normalised_text()
    {
        const string text =
            "  意识到需要适当协调在各个论坛所作的努力，包括通过《残疾人权利公约》1 \n\n所作的努力， \n\n" +
            "__________________ \n\n 1 联合国，《条约汇编》，第 2515 卷，第 44910 号。 \n";
        var source = SourceText.From(text);

        Assert.Contains("《残疾人权利公约》所作的努力", source.Normalised, StringComparison.Ordinal);
        Assert.Contains("努力,联合国,《条约汇编》", source.Normalised, StringComparison.Ordinal);
        Assert.DoesNotContain("_", source.Normalised, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_head_with_the_headings_symbol_is_page_furniture_and_ends_the_footnote_block()
    {
        const string text =
            " 69/60. 以实际裁军措施巩固和平 \n\n 大会， \n 欢迎第一、\n1 \n二次会议的报告，重申执行《使各国能够识别的\n" +
            "_______________ \n1\n A/CONF.192/BMS/2003/1。 \n\n\n以实际裁军措施巩固和平 A/RES/69/60\n\n 3/4\n\n国际文书》的所有规定， \n";
        var layout = DocumentLayout.Analyse(text);

        var head = Assert.Single(layout.RunningHeads);
        Assert.Equal("以实际裁军措施巩固和平 A/RES/69/60", text.Substring(head.Start, head.Length));
        Assert.Equal("A/CONF.192/BMS/2003/1。", TextOf(text, Assert.Single(layout.Footnotes)));

        var source = SourceText.From(text);
        Assert.DoesNotContain("A/RES/69/60", source.Normalised, StringComparison.Ordinal);
        Assert.Contains("国际文书》", source.Normalised, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_line_that_ends_with_a_cited_resolution_is_not_a_running_head()
    {
        const string text =
            " 68/72. Assistance in mine action\nThe General Assembly,\nRecalling the annex to A/RES/66/69\nand its other resolutions,\n" +
            "A/RES/68/72 Assistance in mine action\n";
        var layout = DocumentLayout.Analyse(text);

        var head = Assert.Single(layout.RunningHeads);
        Assert.Equal(text.IndexOf("A/RES/68/72 Assistance", StringComparison.Ordinal), head.Start);
        Assert.Contains("A/RES/66/69", SourceText.From(text).Normalised, StringComparison.Ordinal);
    }
}
