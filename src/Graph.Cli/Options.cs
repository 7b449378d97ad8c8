namespace Graph.Cli;

/// <summary>
/// A command's arguments: positional values, and <c>--name value</c> options from a fixed list. Anything else
/// is a usage error, reported with the command's name.
/// </summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> named = new(StringComparer.Ordinal);

    private Options(string command) => Command = command;

    public string Command { get; }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/>; null after printing a usage error.</summary>
    public static Options? Parse(string command, string[] args, params string[] allowed)
    {
        var options = new Options(command);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(arg);
                continue;
            }
            string name = arg[2..];
            string? value = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            if (!allowed.Contains(name))
            {
                Usage.Fail($"unknown option '--{name}' for {command}");
                return null;
            }
            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    Usage.Fail($"--{name} needs a value");
                    return null;
                }
                value = args[++i];
            }
            options.named[name] = value;
        }
        return options;
    }

    public string? this[string name] => named.GetValueOrDefault(name);

    /// <summary>The options that name and reach a store, accepted by every command that opens one.</summary>
    public static readonly string[] StoreOptions = ["store", "database", "user", "password"];

    public string Store => this["store"] ?? Graph.Storage.GraphStores.DefaultAddress;

    /// <summary>Opens the store named by <c>--store</c>, with <c>--database</c>, <c>--user</c> and <c>--password</c> for Neo4j.</summary>
    public Graph.Store.IGraphStore OpenStore(bool create) =>
        Graph.Storage.GraphStores.Open(Store, create, this["database"], this["user"], this["password"]);

    /// <summary>
    /// Opens the store named by <c>--store</c> for reading, without creating it; null after printing why it
    /// cannot be opened (no such file, not a graph store, a newer schema).
    /// </summary>
    public Graph.Store.IGraphStore? OpenExistingStore(TextWriter stderr)
    {
        try
        {
            return OpenStore(create: false);
        }
        catch (Graph.Storage.GraphStoreException e)
        {
            stderr.WriteLine($"graph: {e.Message}");
            return null;
        }
    }
}
