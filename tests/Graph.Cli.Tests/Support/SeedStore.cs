namespace Graph.Cli.Tests.Support;

/// <summary>
/// A graph built once from the seeds by the real <c>graph build</c>, shared by the query tests of one class:
/// a real SQLite file in a temp folder, deleted afterwards.
/// </summary>
public sealed class SeedStore : IAsyncLifetime
{
    private readonly TempFolder folder = new();

    public string Address => "sqlite:" + folder.Path("seeds.db");

    internal CliResult Build { get; private set; } = new(-1, "", "");

    public async ValueTask InitializeAsync()
    {
        Build = await GraphCli.RunAsync(Repository.Root, "build", "seeds", "--store", Address);
        Assert.True(Build.ExitCode == 0, Build.ToString());
    }

    /// <summary>Runs a query command against this store.</summary>
    internal Task<CliResult> Query(params string[] args) => GraphCli.RunAsync(Repository.Root, [.. args, "--store", Address]);

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
