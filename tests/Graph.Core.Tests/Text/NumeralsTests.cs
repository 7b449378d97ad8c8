using Graph.Text;

namespace Graph.Tests.Text;

/// <summary>Session and meeting numbers are written in Chinese numerals, Roman numerals and English ordinal words.</summary>
public sealed class NumeralsTests
{
    [Theory]
    [InlineData("七十五", 75)]
    [InlineData("一百零三", 103)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("六十四", 64)]
    [InlineData("七十", 70)]
    [InlineData("二十一", 21)]
    [InlineData("一百", 100)]
    [InlineData("一百一十", 110)]
    [InlineData("两千", 2000)]
    [InlineData("九千九百九十九", 9999)]
    [InlineData("75", 75)]
    [InlineData("二〇一一", 2011)]
    [InlineData("一九九七", 1997)]
    public void Chinese_numerals_are_read_as_their_value(string numeral, int expected)
    {
        Assert.Equal(expected, Numerals.ParseChinese(numeral));
    }

    [Theory]
    [InlineData("")]
    [InlineData("零")]
    [InlineData("届")]
    [InlineData("七十五届")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("一二三四五六七八九十一二三")]
    [InlineData("十十")]
    [InlineData("一百二百")]
    [InlineData("七十十")]
    [InlineData("五三十")]
    public void Anything_else_is_not_a_Chinese_numeral(string text)
    {
        Assert.Null(Numerals.ParseChinese(text));
    }

    [Theory]
    [InlineData("I", 1)]
    [InlineData("IV", 4)]
    [InlineData("IX", 9)]
    [InlineData("XV", 15)]
    [InlineData("XXI", 21)]
    [InlineData("XL", 40)]
    [InlineData("LXXVI", 76)]
    [InlineData("MCMXCIX", 1999)]
    public void Roman_numerals_are_read_as_their_value(string numeral, int expected)
    {
        Assert.Equal(expected, Numerals.ParseRoman(numeral));
        Assert.Equal(numeral, Numerals.ToRoman(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("IIII")]
    [InlineData("VX")]
    [InlineData("IC")]
    [InlineData("xv")]
    [InlineData("ABC")]
    [InlineData("MMMMMMMMMMMMM")]
    [InlineData("MMMM")]
    public void Letters_that_do_not_form_a_canonical_Roman_numeral_are_not_one(string text)
    {
        Assert.Null(Numerals.ParseRoman(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4000)]
    public void Only_one_to_3999_can_be_written_in_Roman_numerals(int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Numerals.ToRoman(n));
    }

    [Theory]
    [InlineData("first", 1)]
    [InlineData("second", 2)]
    [InlineData("third", 3)]
    [InlineData("tenth", 10)]
    [InlineData("twenty-first", 21)]
    [InlineData("sixty-fourth", 64)]
    [InlineData("seventieth", 70)]
    [InlineData("seventy-sixth", 76)]
    [InlineData("Seventy-Sixth", 76)]
    [InlineData("hundredth", 100)]
    public void English_ordinal_words_are_read_as_their_value(string words, int expected)
    {
        Assert.Equal(expected, Numerals.ParseEnglishOrdinal(words));
    }

    [Theory]
    [InlineData("seventy")]
    [InlineData("seventy-six")]
    [InlineData("one")]
    [InlineData("")]
    [InlineData("session")]
    [InlineData("both")]
    [InlineData("month")]
    public void Cardinals_and_other_words_are_not_English_ordinals(string words)
    {
        Assert.Null(Numerals.ParseEnglishOrdinal(words));
    }
}
