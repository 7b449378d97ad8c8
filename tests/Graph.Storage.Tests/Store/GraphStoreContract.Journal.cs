using Graph.Storage.Tests.Support;

namespace Graph.Storage.Tests.Store;

/// <summary>The journal: which file each loaded source came from, and the content hash it was loaded with.</summary>
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task The_journal_gives_each_loaded_file_the_hash_it_was_loaded_with()
    {
        await using var store = await OpenStoreAsync();
        var english = Seeds.Graph(Seeds.MineAction68En) with { ContentHash = "e1" };
        var chinese = Seeds.Graph(Seeds.MineAction68Zh) with { ContentHash = "c1" };

        await store.LoadAsync([english, chinese], Token);

        var journal = await store.LoadedFilesAsync(Token);
        Assert.Equal(2, journal.Count);
        Assert.Equal("e1", journal[english.File]);
        Assert.Equal("c1", journal[chinese.File]);
    }

    [Fact]
    public async Task Reloading_a_file_records_its_new_hash_and_moving_a_document_to_another_file_forgets_the_old_one()
    {
        await using var store = await OpenStoreAsync();
        var english = Seeds.Graph(Seeds.MineAction68En) with { ContentHash = "e1" };
        var chinese = Seeds.Graph(Seeds.MineAction68Zh) with { ContentHash = "c1" };
        await store.LoadAsync([english, chinese], Token);

        await store.LoadAsync([english with { ContentHash = "e2" }], Token);
        await store.LoadAsync([chinese with { File = "elsewhere/68-72-zh.txt", ContentHash = "c2" }], Token);

        var journal = await store.LoadedFilesAsync(Token);
        Assert.Equal(2, journal.Count);
        Assert.Equal("e2", journal[english.File]);
        Assert.Equal("c2", journal["elsewhere/68-72-zh.txt"]);
        Assert.False(journal.ContainsKey(chinese.File));
    }

    [Fact]
    public async Task A_document_loaded_without_a_hash_is_in_the_journal_with_an_empty_one()
    {
        await using var store = await OpenStoreAsync();
        var english = Seeds.Graph(Seeds.MineAction68En) with { ContentHash = null };

        await store.LoadAsync([english], Token);

        Assert.Equal("", Assert.Single(await store.LoadedFilesAsync(Token)).Value);
    }
}
