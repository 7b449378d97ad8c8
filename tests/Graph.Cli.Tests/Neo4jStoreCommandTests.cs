using System.Net;
using System.Net.Sockets;
using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary>
/// The commands with <c>--store neo4j:…</c> where no server answers (none can run here; the store itself is tested
/// against a real Neo4j where Docker answers). They must stop with one clear line, and never print the password.
/// </summary>
public sealed class Neo4jStoreCommandTests
{
    private const string Password = "pw-Unmistakable-7731";

    [Fact]
    public async Task Build_stops_at_once_when_the_server_cannot_be_reached_and_says_how_many_files_were_not_loaded()
    {
        string store = $"neo4j:http://127.0.0.1:{ClosedPort()}";

        var result = await GraphCli.RunAsync(Repository.Root, "build", "seeds", "--store", store, "--user", "analyst", "--password", Password);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Stopped: the store cannot be reached; 5 files not loaded.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"graph: {store}/neo4j: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("show", "A/RES/68/72")]
    [InlineData("export", "--format", "jsonl", "--out", "unused-export")]
    public async Task A_query_on_a_server_that_cannot_be_reached_is_one_line_on_stderr_and_exit_1(params string[] command)
    {
        string store = $"neo4j:http://127.0.0.1:{ClosedPort()}";
        using var temp = new TempFolder();

        var result = await GraphCli.RunAsync(temp.Root, [.. command, "--store", store, "--password", Password]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"graph: {store}/neo4j: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
