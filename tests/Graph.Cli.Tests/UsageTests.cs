using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary>A command line the program cannot act on exits with 2 and says why on stderr, printing nothing on stdout.</summary>
public sealed class UsageTests
{
    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { [], "command" },
        { ["frobnicate"], "frobnicate" },
        { ["--format", "json"], "--format" },
        { ["extract"], "extract" },
        { ["extract", "--format", "xml", "seeds"], "json" },
        { ["extract", "seeds", "--format"], "json" },
        { ["extract", "--verbose", "seeds"], "--verbose" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task A_usage_error_exits_with_2_and_says_why_on_stderr(string[] args, string named)
    {
        var result = await GraphCli.RunAsync(Repository.Root, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("graph: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_usage_on_stdout_and_exits_with_0(string flag)
    {
        var result = await GraphCli.RunAsync(Repository.Root, flag);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("graph extract <file-or-folder>...", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--format json|jsonl", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }
}
