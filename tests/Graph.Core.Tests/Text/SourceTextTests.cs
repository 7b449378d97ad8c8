using Graph.Text;

namespace Graph.Tests.Text;

/// <summary>
/// The recognisers read the normalised text; users get spans into the original. Every normalisation must
/// therefore map a normalised span back to exactly the original text it came from, noise included.
/// </summary>
public sealed class SourceTextTests
{
    /// <summary>Finds <paramref name="normalised"/> in the normalised text and returns the original text behind it.</summary>
    private static string OriginalBehind(SourceText source, string normalised)
    {
        int at = source.Normalised.IndexOf(normalised, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{normalised}\" is not in the normalised text \"{source.Normalised}\"");
        var (start, length) = source.ToOriginal(at, normalised.Length);
        Assert.InRange(start, 0, source.Original.Length);
        Assert.InRange(start + length, start, source.Original.Length);
        string slice = source.OriginalSlice(at, normalised.Length);
        Assert.Equal(source.Original.Substring(start, length), slice);
        return slice;
    }

    [Fact]
    public void The_original_is_kept_exactly_and_the_end_maps_to_its_length()
    {
        const string text = " 大会大会大会大会， \r\n  回顾 resolution 66/69 ";
        var source = SourceText.From(text);

        Assert.Same(text, source.Original);
        Assert.Equal(text.Length, source.ToOriginal(source.Normalised.Length));
    }

    [Fact]
    public void A_bold_word_drawn_four_times_is_read_once_and_maps_back_over_all_its_copies()
    {
        var source = SourceText.From(" 回顾回顾回顾回顾其 2011年 12月 9日第 66/69号决议");

        Assert.StartsWith("回顾其2011年12月9日第66/69号决议", source.Normalised, StringComparison.Ordinal);
        Assert.Equal("回顾", OriginalBehind(source, "回顾"));
        Assert.Equal("回顾回顾回顾回顾其", OriginalBehind(source, "回顾其"));
        Assert.Equal("其 2011年 12月 9日第 66/69号决议", OriginalBehind(source, "其2011年12月9日第66/69号决议"));
    }

    [Fact]
    public void A_word_written_twice_is_not_taken_for_bold()
    {
        var source = SourceText.From("谢谢 that that");

        Assert.Equal("谢谢that that", source.Normalised);
    }

    [Fact]
    public void Spaces_between_Chinese_characters_are_dropped_and_map_back_inside_the_span()
    {
        var source = SourceText.From("回顾 其 2005年 12月 8日 第60/97 号 决议 ， 又");

        Assert.Equal("回顾其2005年12月8日第60/97号决议,又", source.Normalised);
        Assert.Equal("第60/97 号 决议", OriginalBehind(source, "第60/97号决议"));
        Assert.Equal("2005年 12月 8日", OriginalBehind(source, "2005年12月8日"));
    }

    [Fact]
    public void An_ideographic_space_is_whitespace()
    {
        var source = SourceText.From("第\u300066/69\u3000号决议");

        Assert.Equal("第66/69号决议", source.Normalised);
        Assert.Equal("第\u300066/69\u3000号决议", OriginalBehind(source, "第66/69号决议"));
    }

    [Fact]
    public void Full_width_ASCII_is_folded_and_maps_back_to_the_full_width_characters()
    {
        var source = SourceText.From("决议（Ａ／ＲＥＳ／６６／６９）和 resolution ６７/６８");

        Assert.Contains("A/RES/66/69", source.Normalised, StringComparison.Ordinal);
        Assert.Equal("Ａ／ＲＥＳ／６６／６９", OriginalBehind(source, "A/RES/66/69"));
        Assert.Equal("６７/６８", OriginalBehind(source, "67/68"));
    }

    [Fact]
    public void Page_furniture_lines_are_dropped_and_a_span_across_them_maps_back_over_them()
    {
        const string text = "执行情况的 2015 年 12 月 7 日第 70/54 号、2017\n20-16878 (C)    181220    211220\n*2016878*\n3/4\nDistr.: General\n年 12 月 4 日第 72/54 号决议";
        var source = SourceText.From(text);

        Assert.DoesNotContain("16878", source.Normalised, StringComparison.Ordinal);
        Assert.DoesNotContain("Distr", source.Normalised, StringComparison.Ordinal);
        Assert.DoesNotContain("3/4", source.Normalised, StringComparison.Ordinal);
        Assert.Contains("2017年12月4日第72/54号决议", source.Normalised, StringComparison.Ordinal);
        Assert.Equal(
            "2017\n20-16878 (C)    181220    211220\n*2016878*\n3/4\nDistr.: General\n年 12 月 4 日",
            OriginalBehind(source, "2017年12月4日"));
    }

    [Fact]
    public void A_line_that_only_looks_like_furniture_inside_a_sentence_is_kept()
    {
        var source = SourceText.From("recalling resolution 3/4 of the Council");

        Assert.Equal("recalling resolution 3/4 of the Council", source.Normalised);
    }

    [Fact]
    public void An_English_word_hyphenated_across_a_line_break_is_joined_and_maps_back_over_the_break()
    {
        var source = SourceText.From("Recalling its resolu-\n  tion 66/69 of 9 December 2011");

        Assert.Contains("resolution 66/69", source.Normalised, StringComparison.Ordinal);
        Assert.Equal("resolu-\n  tion 66/69", OriginalBehind(source, "resolution 66/69"));
    }

    [Fact]
    public void A_hyphen_that_is_not_at_a_line_break_is_kept()
    {
        var source = SourceText.From("seventy-sixth session and A/C.3/75/L.1-\nA/C.3/75/L.2");

        Assert.StartsWith("seventy-sixth session", source.Normalised, StringComparison.Ordinal);
        Assert.Contains("L.1-", source.Normalised, StringComparison.Ordinal);
    }

    [Fact]
    public void Soft_hyphens_and_zero_width_characters_vanish_but_stay_inside_the_mapped_span()
    {
        var source = SourceText.From("reso\u00ADlu\u200Btion 66/\u200D69");

        Assert.Equal("resolution 66/69", source.Normalised);
        Assert.Equal("reso\u00ADlu\u200Btion 66/\u200D69", OriginalBehind(source, "resolution 66/69"));
    }

    [Fact]
    public void Whitespace_runs_between_latin_words_become_one_space_or_one_line_break()
    {
        var source = SourceText.From("resolution \t 66/69\r\n\r\n  of  9 December");

        Assert.Equal("resolution 66/69\nof 9 December", source.Normalised);
        Assert.Equal("66/69\r\n\r\n  of", OriginalBehind(source, "66/69\nof"));
    }

    [Fact]
    public void A_span_ending_in_a_surrogate_pair_maps_back_to_the_whole_pair()
    {
        const string text = "注 𠀀𠀁 和 😀 resolution";
        var source = SourceText.From(text);

        Assert.Equal("𠀀𠀁", OriginalBehind(source, "𠀀𠀁"));
        Assert.Equal("😀", OriginalBehind(source, "😀"));
        // A span that stops after the high surrogate still never splits the pair.
        int at = source.Normalised.IndexOf("😀", StringComparison.Ordinal);
        Assert.Equal("😀", source.OriginalSlice(at, 1));
    }

    [Fact]
    public void Every_position_of_the_normalised_text_maps_to_the_same_character_or_its_full_width_form()
    {
        const string text = "  大会大会大会大会，\n  回顾 其２０１１年 resolu-\ntion 66/69\n*2016878*\n 第 ６６／６９ 号决议 𠀀 ";
        var source = SourceText.From(text);

        int previous = -1;
        for (int i = 0; i < source.Normalised.Length; i++)
        {
            int o = source.ToOriginal(i);
            Assert.True(o > previous, $"normalised {i} maps to {o}, not after {previous}");
            previous = o;
            char n = source.Normalised[i];
            char c = text[o];
            if (n is ' ' or '\n')
            {
                Assert.True(char.IsWhiteSpace(c) || c == '*', $"normalised space at {i} maps to '{c}'");
            }
            else
            {
                Assert.True(n == c || n == (char)(c - 0xFEE0), $"normalised '{n}' at {i} maps to '{c}'");
            }
        }
    }

    [Fact]
    public void Spans_outside_the_normalised_text_are_rejected()
    {
        var source = SourceText.From("resolution 66/69");

        Assert.Throws<ArgumentOutOfRangeException>(() => source.ToOriginal(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.ToOriginal(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.ToOriginal(10, source.Normalised.Length));
    }

    [Fact]
    public void A_null_text_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SourceText.From(null!));
    }
}
