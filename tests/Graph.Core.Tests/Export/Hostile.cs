namespace Graph.Tests.Export;

/// <summary>
/// Text as UN documents and PDF converters deliver it, aimed at each format's syntax: quotes and backslashes
/// (Cypher, CSV), line breaks (every line-based format), separators (CSV fields and arrays), control characters
/// (XML cannot hold them), markup and <c>&lt;/</c> (XML), escape sequences written as text (a writer that
/// forgets to escape the backslash turns them into other characters), Chinese, characters outside the BMP and
/// an unpaired surrogate (a valid .NET string that no UTF encoding can write).
/// </summary>
internal static class Hostile
{
    public const string Quotes = "He said \"no\", then 'yes'; a \\' and a \\\\ and '' and \"\"";

    public const string Breaks = "line one\nline two\r\nline three\rtab\tend";

    public const string Separators = "a;b|c,d\"e\u001Ff";

    public const string Controls = "nul\u0000 bell\u0007 esc\u001B del\u007F next\u0085 ls\u2028 ps\u2029";

    public const string Chinese = "关于禁止使用、储存、生产和转让杀伤人员地雷及销毁此种地雷的公约（“渥太华公约”）";

    public const string Markup = "</data></node><![CDATA[x]]> &amp; <script>alert('x')</script> --> //";

    public const string EscapesAsText = @"\u0027 \n \t \U0001F600 \\ $param {x} `tick`";

    public const string Astral = "𝄞 𠀀";

    public const string LoneSurrogate = "lone \uD800 surrogate";

    /// <summary>What every format must read back: the text itself, with an unpaired surrogate as U+FFFD.</summary>
    public static string Expected(string text) => text.Replace('\uD800', '\uFFFD');

    /// <summary>What XML can hold: <see cref="Expected"/> with the C0 controls other than tab and line breaks as U+FFFD.</summary>
    public static string ExpectedInXml(string text) =>
        new([.. Expected(text).Select(c => c is '\t' or '\n' or '\r' or >= ' ' ? c : '\uFFFD')]);
}
