namespace Graph.Pdf.Layout;

/// <summary>What part of its page a line belongs to.</summary>
internal enum Region
{
    /// <summary>The text of the resolution.</summary>
    Body,

    /// <summary>The symbol and title repeated at the top of every page after the first.</summary>
    RunningHead,

    /// <summary>The job number, barcode and page number at the foot of a page.</summary>
    Footer,

    /// <summary>The short rule that opens a page's footnotes.</summary>
    FootnoteRule,

    /// <summary>A line of the footnotes under the rule.</summary>
    Footnote,
}
