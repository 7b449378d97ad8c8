using Graph.Cli.Tests.Support;

namespace Graph.Cli.Tests;

/// <summary>
/// <c>graph extract --parallel N</c>: files are extracted N at a time and printed in the order they were listed, so
/// the output does not depend on N, unreadable files included.
/// </summary>
public sealed class ExtractParallelTests
{
    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    public async Task The_output_is_byte_identical_whatever_the_parallelism(string format)
    {
        using var temp = new TempFolder();
        var corpus = new CorpusGenerator(2013);
        corpus.Write(temp.Path("corpus"), 150);
        // Unreadable files between good ones, so errors must keep their place in the order too.
        temp.Write("corpus/gen/0000/bad-1.txt", [0x89, (byte)'P', 0, 0, 0xFF]);
        temp.Write("corpus/gen/0000/bad-2.txt", [0, 0, 0, 0]);

        var outputs = new List<CliResult>();
        foreach (string parallel in new[] { "1", "2", "8" })
        {
            var result = await GraphCli.RunAsync(temp.Root, "extract", "--format", format, "--parallel", parallel, "corpus");
            Assert.True(result.ExitCode == 1, $"--parallel {parallel}: {result}");
            outputs.Add(result);
        }

        var files = (format == "jsonl" ? Output.Lines(outputs[0]) : Output.Array(outputs[0])).Select(Output.File).ToList();
        Assert.Equal(152, files.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.Equal(outputs[0].Stdout, outputs[1].Stdout);
        Assert.Equal(outputs[0].Stdout, outputs[2].Stdout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("two")]
    [InlineData("1.5")]
    public async Task A_parallelism_that_is_not_a_whole_number_from_1_up_is_a_usage_error(string value)
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", "--parallel", value, "seeds");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--parallel", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parallelism_without_a_value_is_a_usage_error()
    {
        var result = await GraphCli.RunAsync(Repository.Root, "extract", "seeds", "--parallel");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--parallel", result.Stderr, StringComparison.Ordinal);
    }
}
