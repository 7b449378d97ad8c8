using Graph.Model;
using Graph.Queries;
using Graph.Storage.Tests.Support;

namespace Graph.Storage.Tests.Store;

/// <summary>Precedents walked over the store's graph of the seeds: what the README promises for the seed resolutions.</summary>
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task Precedents_of_A_RES_68_72_are_the_resolution_it_recalls_and_the_earlier_member_of_its_series()
    {
        await using var store = await StoreWithAsync(Seeds.All);

        var precedents = await Precedents.FindAsync(store, "A/RES/68/72", cancellationToken: Token);

        Assert.NotNull(precedents);
        Assert.Equal(
        [
            "A/RES/66/69 2011-12-09: A/RES/68/72 -RECALLS-> A/RES/66/69",
            "A/RES/62/99 2007-12-17: A/RES/68/72 ~series:assistance-in-mine-action~> A/RES/62/99",
        ],
            precedents.Select(Describe));
        var series = precedents[1].Chain[0].Series;
        Assert.Equal(("Assistance in mine action", "协助地雷行动"), (series?.Text("title_en"), series?.Text("title_zh")));
    }

    [Fact]
    public async Task Precedents_of_A_RES_75_62_are_the_six_resolutions_it_recalls_newest_first()
    {
        await using var store = await StoreWithAsync(Seeds.All);

        var precedents = await Precedents.FindAsync(store, "A/RES/75/62", cancellationToken: Token);

        Assert.NotNull(precedents);
        Assert.Equal(
        [
            "A/RES/74/62 2019-12-12: A/RES/75/62 -RECALLS-> A/RES/74/62",
            "A/RES/73/54 2018-12-05: A/RES/75/62 -RECALLS-> A/RES/73/54",
            "A/RES/72/54 2017-12-04: A/RES/75/62 -RECALLS-> A/RES/72/54",
            "A/RES/71/45 2016-12-05: A/RES/75/62 -RECALLS-> A/RES/71/45",
            "A/RES/70/54 2015-12-07: A/RES/75/62 -RECALLS-> A/RES/70/54",
            "A/RES/63/71 2008-12-02: A/RES/75/62 -RECALLS-> A/RES/63/71",
        ],
            precedents.Select(Describe));
    }

    /// <remarks>
    /// The preamble recalls twelve resolutions and decision 58/519; footnote 12, in a welcoming paragraph, cites
    /// decision 60/519, which carries no date and so comes last. Resolution 67/50 is also cited ("按照第67/50号决议")
    /// in operative paragraph 1; its chain names the more specific of its two edges, RECALLS.
    /// </remarks>
    [Fact]
    public async Task Precedents_of_A_RES_69_60_are_its_twelve_recalled_resolutions_and_two_decisions()
    {
        await using var store = await StoreWithAsync(Seeds.All);

        var precedents = await Precedents.FindAsync(store, "A/RES/69/60", cancellationToken: Token);

        Assert.NotNull(precedents);
        Assert.Equal(
        [
            "A/RES/67/50 2012-12-03", "A/RES/65/67 2010-12-08", "A/RES/63/62 2008-12-02", "A/RES/61/76 2006-12-06",
            "A/RES/59/82 2004-12-03", "A/DEC/58/519 2003-12-08", "A/RES/57/81 2002-11-22", "A/RES/56/24P 2001-11-29",
            "A/RES/55/33G 2000-11-20", "A/RES/54/54H 1999-12-01", "A/RES/53/77M 1998-12-04", "A/RES/52/38G 1997-12-09",
            "A/RES/51/45N 1996-12-10", "A/DEC/60/519 (undated)",
        ],
            precedents.Select(p => $"{p.Node.Id} {p.Node.Text("date") ?? "(undated)"}"));
        Assert.All(precedents, p => Assert.True(p.Chain is [{ From: "A/RES/69/60" } step] && EdgeTypes.IsCitation(step.Type), Describe(p)));
        // 67/50 is both recalled and cited; the chain names the specific verb.
        Assert.All(precedents.SkipLast(1), p => Assert.Equal("RECALLS", p.Chain[0].Type));
        Assert.Contains(await store.OutgoingAsync("A/RES/69/60", Token), e => e.Type == "CITES" && e.To == "A/RES/67/50");
        Assert.Equal("WELCOMES", precedents[^1].Chain[0].Type);
        Assert.Equal(
            [NodeLabel.Decision, NodeLabel.Decision],
            precedents.Where(p => p.Node.Id.StartsWith("A/DEC/", StringComparison.Ordinal)).Select(p => p.Node.Label));
    }

    [Fact]
    public async Task Precedents_of_A_RES_68_72_at_depth_2_add_what_its_series_predecessor_recalls()
    {
        await using var store = await StoreWithAsync(Seeds.All);

        var precedents = await Precedents.FindAsync(store, "A/RES/68/72", depth: 2, cancellationToken: Token);

        Assert.NotNull(precedents);
        Assert.Equal(
        [
            "A/RES/66/69 2011-12-09: A/RES/68/72 -RECALLS-> A/RES/66/69",
            "A/RES/62/99 2007-12-17: A/RES/68/72 ~series:assistance-in-mine-action~> A/RES/62/99",
            "A/RES/60/97 2005-12-08: A/RES/68/72 ~series:assistance-in-mine-action~> A/RES/62/99 -RECALLS-> A/RES/60/97",
        ],
            precedents.Select(Describe));
    }

    /// <summary>"A/RES/66/69 2011-12-09: A/RES/68/72 -RECALLS-> A/RES/66/69".</summary>
    private static string Describe(Precedent precedent) =>
        $"{precedent.Node.Id} {precedent.Node.Text("date") ?? "(undated)"}: {precedent.Chain[0].From}"
        + string.Concat(precedent.Chain.Select(step => step.Type == PrecedentStep.SameSeries
            ? $" ~{step.Series?.Id}~> {step.To}"
            : $" -{step.Type}-> {step.To}"));
}
