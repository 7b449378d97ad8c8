using System.Diagnostics;
using System.Text;

namespace Graph.Worker.Tests.Support;

/// <summary>What one run of the command line printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the real <c>graph</c> command line as a separate process (<c>dotnet graph.dll ...</c>), with no standard
/// input and a time limit: the reference the worker's graph is compared against.
/// </summary>
internal static class GraphCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Hosts.Dotnet)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        start.ArgumentList.Add(Hosts.GraphDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var token = TestContext.Current.CancellationToken;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Hosts.Dotnet}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"graph {string.Join(' ', args)} did not finish within {Limit.TotalSeconds} s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
