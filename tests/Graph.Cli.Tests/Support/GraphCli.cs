using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Graph.Cli.Tests.Support;

/// <summary>What one run of the command line printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the real <c>graph</c> command line as a separate process (<c>dotnet graph.dll ...</c>), as a user or a
/// script would, with no standard input and a time limit.
/// </summary>
internal static class GraphCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The CLI's entry assembly: next to the tests (the project reference copies it), else where it was built.</summary>
    public static string GraphDll { get; } = FindGraphDll();

    /// <summary>The <c>dotnet</c> host that runs the tests (set by the SDK), else the one on the PATH.</summary>
    private static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        start.ArgumentList.Add(GraphDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var token = TestContext.Current.CancellationToken;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {DotnetHost}");
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

    private static string FindGraphDll()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "graph.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "graph.runtimeconfig.json")))
        {
            return beside;
        }
        string configuration = typeof(GraphCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string built = Repository.Path("src", "Graph.Cli", "bin", configuration, "net10.0", "graph.dll");
        return File.Exists(built)
            ? built
            : throw new FileNotFoundException($"graph.dll is neither next to the tests ({beside}) nor built at {built}; build Graph.sln first");
    }
}
