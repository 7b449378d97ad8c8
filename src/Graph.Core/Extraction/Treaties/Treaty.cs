namespace Graph.Extraction.Treaties;

/// <summary>
/// One treaty the gazetteer knows: a convention, covenant, charter, statute, agreement or protocol that UN
/// resolutions cite by name. The data lives in <c>treaties.json</c>, embedded in this assembly; see
/// <see cref="TreatyGazetteer"/> for the rules it is checked against when loaded.
/// </summary>
/// <param name="Id">Stable identifier, lowercase kebab-case (<c>ccm</c>, <c>ccw-p5</c>); the graph keys treaties on it.</param>
/// <param name="Title">
/// The official English title as the UN Treaty Collection gives it, without a trailing designation such as
/// <c>(Protocol I)</c>: that lives in <see cref="Protocol"/>.
/// </param>
/// <param name="TitleZh">The official Chinese title, without the title marks 《》 that running text puts round it.</param>
/// <param name="Aliases">Other names seen in UN texts, per language; none of them names another treaty.</param>
/// <param name="Abbreviations">Short forms used in English running text (<c>CCW</c>, <c>NPT</c>), matched case-sensitively.</param>
/// <param name="Year">The year the text was adopted or concluded, the year UN texts put beside its name.</param>
/// <param name="Unts">
/// Where the treaty is published in the United Nations Treaty Series, or null where it is not registered
/// (the Charter, treaties not in force) or where the citation has not been verified.
/// </param>
/// <param name="Parent">For a protocol, the <see cref="Id"/> of the treaty it belongs to; otherwise null.</param>
/// <param name="Protocol">
/// For a numbered protocol, its designation as its own title writes it, in upper-case Roman numerals
/// (<c>I</c>, <c>II</c>, <c>V</c>), with <c>-amended</c> appended for an amended text (<c>II-amended</c> for
/// Protocol II to the CCW as amended on 3 May 1996). Null for treaties that are not protocols and for protocols
/// that carry no number (optional protocols, the Kyoto Protocol, the 1967 Protocol relating to the Status of
/// Refugees), which still have a <see cref="Parent"/>.
/// </param>
/// <param name="IsTreaty">
/// False for an instrument that texts cite by title like a treaty but that is not one: a programme of action,
/// a declaration, a set of standards (<c>"kind": "document"</c> in the data). Its references are documents.
/// </param>
/// <remarks>
/// Record equality compares the lists by reference; compare treaties by <see cref="Id"/>, which is unique.
/// </remarks>
public sealed record Treaty(
    string Id,
    string Title,
    string TitleZh,
    TreatyAliases Aliases,
    IReadOnlyList<string> Abbreviations,
    int Year,
    TreatySeriesReference? Unts,
    string? Parent,
    string? Protocol,
    bool IsTreaty = true);

/// <summary>Names of a treaty other than its official titles, per language.</summary>
/// <param name="En">English names, as written in UN texts.</param>
/// <param name="Zh">Chinese names, without 《》.</param>
public sealed record TreatyAliases(IReadOnlyList<string> En, IReadOnlyList<string> Zh);

/// <summary>
/// A treaty's place in the United Nations Treaty Series, as footnotes cite it: <c>United Nations, Treaty Series,
/// vol. 2688, No. 47713</c> / <c>联合国，《条约汇编》，第 2688 卷，第 47713 号</c>.
/// </summary>
/// <param name="Volume">The volume the text is published in.</param>
/// <param name="Number">The registration number.</param>
public sealed record TreatySeriesReference(int Volume, int Number);
