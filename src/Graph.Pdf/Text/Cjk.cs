namespace Graph.Pdf.Text;

/// <summary>Chinese, Japanese and Korean characters and punctuation: text in these scripts has no spaces between words.</summary>
internal static class Cjk
{
    public static bool Is(char c) =>
        c is (>= '\u2E80' and <= '\u2FDF')      // radicals
        or (>= '\u3000' and <= '\u303F')        // CJK punctuation (、。《》「」)
        or (>= '\u3040' and <= '\u30FF')        // kana
        or (>= '\u3100' and <= '\u312F')        // bopomofo
        or (>= '\u3200' and <= '\u32FF')        // enclosed (㈠)
        or (>= '\u3400' and <= '\u4DBF')        // extension A
        or (>= '\u4E00' and <= '\u9FFF')        // unified ideographs
        or (>= '\uAC00' and <= '\uD7AF')        // hangul
        or (>= '\uF900' and <= '\uFAFF')        // compatibility ideographs
        or (>= '\uFF00' and <= '\uFFEF');       // full-width forms (，（）：；)
}
