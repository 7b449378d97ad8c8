using System.Reflection;

namespace Graph.Worker.Tests.Support;

/// <summary>
/// The two programs under test, <c>graph.dll</c> and <c>graph-worker.dll</c>, and the <c>dotnet</c> host that
/// runs them: next to the tests (the project references copy them), else where the solution built them.
/// </summary>
internal static class Hosts
{
    // Lazy, so that a missing worker fails the worker's tests and not those that need only the CLI.
    private static readonly Lazy<string> Graph = new(() => Find("Graph.Cli", "graph"));
    private static readonly Lazy<string> Worker = new(() => Find("Graph.Worker", "graph-worker"));

    public static string GraphDll => Graph.Value;

    public static string WorkerDll => Worker.Value;

    /// <summary>The <c>dotnet</c> host that runs the tests (set by the SDK), else the one on the PATH.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Find(string project, string assembly)
    {
        string beside = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, assembly + ".runtimeconfig.json")))
        {
            return beside;
        }
        string configuration = typeof(Hosts).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string built = Repository.Path("src", project, "bin", configuration, "net10.0", assembly + ".dll");
        return File.Exists(built)
            ? built
            : throw new FileNotFoundException($"{assembly}.dll is neither next to the tests ({beside}) nor built at {built}; build Graph.sln first");
    }
}
