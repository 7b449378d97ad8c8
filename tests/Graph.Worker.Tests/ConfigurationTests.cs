using Graph.Worker.Tests.Support;

namespace Graph.Worker.Tests;

/// <summary>A worker that cannot run as configured says why, one line a problem, and exits with code 2.</summary>
public sealed class ConfigurationTests
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Parallelism_out_of_range_is_named_with_its_bounds_and_value_and_exits_2()
    {
        var result = await RunAsync(new() { ["Parallelism"] = "0" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["graph-worker: Worker:Parallelism must be between 1 and 64 (was 0)"], Problems(result));
    }

    [Theory]
    [InlineData("Parallelism", "65")]
    [InlineData("Parallelism", "many")]
    [InlineData("BatchSize", "0")]
    [InlineData("BatchSize", "10001")]
    [InlineData("MaxFileBytes", "-1")]
    [InlineData("StableFor", "-00:00:01")]
    [InlineData("RescanInterval", "soon")]
    [InlineData("Store", "postgres://localhost/graph")]
    [InlineData("HealthUrl", "not a url")]
    public async Task An_invalid_value_is_named_on_one_line_and_exits_2(string key, string value)
    {
        var result = await RunAsync(new() { [key] = value });

        Assert.True(result.ExitCode == 2, result.ToString());
        string problem = Assert.Single(Problems(result));
        Assert.Contains($"Worker:{key}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_inbox_is_named_and_exits_2()
    {
        var result = await RunAsync(new(), without: "Inbox");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Worker:Inbox", Assert.Single(Problems(result)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_gets_a_line_of_its_own()
    {
        var result = await RunAsync(new() { ["Parallelism"] = "0", ["BatchSize"] = "0" });

        Assert.True(result.ExitCode == 2, result.ToString());
        var problems = Problems(result);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("Worker:Parallelism", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Worker:BatchSize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setting_from_the_environment_is_checked_like_one_from_the_command_line()
    {
        var result = await RunAsync(new(), without: "Parallelism", environment: new Dictionary<string, string> { ["Worker__Parallelism"] = "0" });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(["graph-worker: Worker:Parallelism must be between 1 and 64 (was 0)"], Problems(result));
    }

    /// <summary>Runs the worker with the test defaults, <paramref name="settings"/> over them, one key left out.</summary>
    private static async Task<CliResult> RunAsync(
        Dictionary<string, string> settings, string? without = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("inbox"));
        var merged = new Dictionary<string, string>(WorkerProcess.TestDefaults)
        {
            ["HealthUrl"] = $"http://localhost:{WorkerProcess.FreePort()}/",
        };
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }
        if (without is not null)
        {
            merged.Remove(without);
        }
        return await WorkerProcess.RunToExitAsync(temp.Root, merged.Select(kv => $"--Worker:{kv.Key}={kv.Value}"), environment, ExitLimit);
    }

    /// <summary>The lines of stderr that report a problem: <c>graph-worker: ...</c>.</summary>
    private static List<string> Problems(CliResult result) =>
        [.. result.Stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("graph-worker: ", StringComparison.Ordinal))];
}
