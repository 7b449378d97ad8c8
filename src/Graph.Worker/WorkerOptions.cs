using System.Globalization;
using Graph.Storage;
using Graph.Storage.Neo4j.Http;
using Microsoft.Extensions.Configuration;

namespace Graph.Worker;

/// <summary>
/// The settings of section <c>Worker</c> (appsettings.json beside the binary, then <c>Worker__Key</c> environment
/// variables, then <c>--Worker:Key=value</c> arguments), read and checked once at start. A class rather than a
/// record: a record's generated ToString would print the password.
/// </summary>
internal sealed class WorkerOptions
{
    public const string Section = "Worker";

    private static readonly string[] Keys =
    [
        nameof(Inbox), nameof(Failed), nameof(Store), nameof(Database), nameof(User), nameof(Password),
        nameof(Parallelism), nameof(BatchSize), nameof(BatchDelay), nameof(MaxFileBytes), nameof(StableFor),
        nameof(RescanInterval), nameof(RetryMin), nameof(RetryMax), nameof(ShutdownGrace), nameof(HealthUrl),
        nameof(LockTimeout),
    ];

    private WorkerOptions()
    {
    }

    /// <summary>The inbox folder as given: file names are this prefix, '/', and the path inside it, as <c>graph build</c> names them.</summary>
    public string Inbox { get; private init; } = "";

    /// <summary>Where files that cannot be loaded go, with their path inside the inbox kept; may lie inside the inbox.</summary>
    public string Failed { get; private init; } = "";

    /// <summary>The store address as configured (<c>sqlite:PATH</c> or <c>neo4j:URL</c>); may hold credentials, so never shown.</summary>
    public string Store { get; private init; } = "";

    /// <summary>The store address for messages and the health endpoint: never a credential.</summary>
    public string StoreAddress { get; private init; } = "";

    public string? Database { get; private init; }

    public string? User { get; private init; }

    public string? Password { get; private init; }

    public int Parallelism { get; private init; }

    public int BatchSize { get; private init; }

    public TimeSpan BatchDelay { get; private init; }

    public int MaxFileBytes { get; private init; }

    public TimeSpan StableFor { get; private init; }

    public TimeSpan RescanInterval { get; private init; }

    public TimeSpan RetryMin { get; private init; }

    public TimeSpan RetryMax { get; private init; }

    public TimeSpan ShutdownGrace { get; private init; }

    /// <summary>
    /// SQLite: how long a load waits for another process's lock before the store counts as down. Short, so that a
    /// lock is noticed, reported on /healthz and retried with backoff rather than waited out silently.
    /// </summary>
    public TimeSpan LockTimeout { get; private init; }

    /// <summary>The URL prefix of the health endpoint (http://host:port/, + or * for every address); empty when it is off.</summary>
    public string HealthUrl { get; private init; } = "";

    /// <summary>
    /// Reads and checks the settings. Every problem is added to <paramref name="problems"/> as one line naming the
    /// key, the rule and the value (never the password); the result is only usable when none was added.
    /// </summary>
    public static WorkerOptions Read(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var section = configuration.GetSection(Section);
        var reader = new SettingReader(section, problems);
        foreach (var child in section.GetChildren())
        {
            // A misspelt key would otherwise be ignored in silence and its default used for months.
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{Section}:{child.Key} is not a setting; the settings are {string.Join(", ", Keys)}");
            }
        }

        string inbox = reader.Text(nameof(Inbox)) ?? "seeds";
        CheckInbox(inbox, problems);
        string failed = Blank(reader.Text(nameof(Failed))) ?? inbox.Replace('\\', '/').TrimEnd('/') + "/failed";
        CheckFailed(failed, inbox, problems);
        string? database = Blank(reader.Text(nameof(Database)));
        string? user = Blank(reader.Text(nameof(User)));
        string? password = Blank(reader.Text(nameof(Password)));
        string store = reader.Text(nameof(Store)) ?? GraphStores.DefaultAddress;
        string storeAddress = CheckStore(store, database, user, password, problems);

        int parallelism = reader.Integer(nameof(Parallelism), Math.Clamp(Environment.ProcessorCount, 1, 64), 1, 64);
        int batchSize = reader.Integer(nameof(BatchSize), 64, 1, 10_000);
        int maxFileBytes = reader.Integer(nameof(MaxFileBytes), 16 * 1024 * 1024, 1, Array.MaxLength);
        var batchDelay = reader.Duration(nameof(BatchDelay), TimeSpan.FromMilliseconds(200), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var stableFor = reader.Duration(nameof(StableFor), TimeSpan.FromMilliseconds(500), TimeSpan.Zero, TimeSpan.FromHours(1));
        var rescan = reader.Duration(nameof(RescanInterval), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1));
        var retryMin = reader.Duration(nameof(RetryMin), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        var retryMax = reader.Duration(nameof(RetryMax), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
        if (retryMax < retryMin)
        {
            problems.Add($"{Section}:{nameof(RetryMax)} must be at least {Section}:{nameof(RetryMin)} ({retryMin:c}) (was {retryMax:c})");
        }
        var grace = reader.Duration(nameof(ShutdownGrace), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var lockTimeout = reader.Duration(nameof(LockTimeout), TimeSpan.FromSeconds(2), TimeSpan.Zero, TimeSpan.FromMinutes(10));
        string healthUrl = reader.Text(nameof(HealthUrl)) ?? "http://localhost:8080/";
        CheckHealthUrl(healthUrl, problems);

        return new WorkerOptions
        {
            Inbox = inbox,
            Failed = failed,
            Store = store,
            StoreAddress = storeAddress,
            Database = database,
            User = user,
            Password = password,
            Parallelism = parallelism,
            BatchSize = batchSize,
            BatchDelay = batchDelay,
            MaxFileBytes = maxFileBytes,
            StableFor = stableFor,
            RescanInterval = rescan,
            RetryMin = retryMin,
            RetryMax = retryMax,
            ShutdownGrace = grace,
            LockTimeout = lockTimeout,
            HealthUrl = healthUrl,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void CheckInbox(string inbox, List<string> problems)
    {
        if (inbox.Length == 0)
        {
            problems.Add($"{Section}:{nameof(Inbox)} must name a folder (was '')");
            return;
        }
        if (!Directory.Exists(inbox))
        {
            problems.Add($"{Section}:{nameof(Inbox)} must be an existing folder (was '{inbox}')");
            return;
        }
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(inbox).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{Section}:{nameof(Inbox)} must be a folder the worker can read (was '{inbox}': {e.Message})");
        }
    }

    private static void CheckFailed(string failed, string inbox, List<string> problems)
    {
        if (File.Exists(failed))
        {
            problems.Add($"{Section}:{nameof(Failed)} must be a folder, not a file (was '{failed}')");
        }
        else if (inbox.Length > 0 && string.Equals(Path.GetFullPath(failed).TrimEnd('/'), Path.GetFullPath(inbox).TrimEnd('/'), StringComparison.Ordinal))
        {
            problems.Add($"{Section}:{nameof(Failed)} must not be the inbox itself (was '{failed}')");
        }
    }

    /// <summary>Checks the address without opening the store (that would create a file), and returns it as shown.</summary>
    private static string CheckStore(string store, string? database, string? user, string? password, List<string> problems)
    {
        if (store.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            string path = store["sqlite:".Length..];
            if (path.Length == 0)
            {
                problems.Add($"{Section}:{nameof(Store)} needs a file path after sqlite:, as in sqlite:graph.db (was '{store}')");
            }
            else if (Directory.Exists(path))
            {
                problems.Add($"{Section}:{nameof(Store)} must name a file, not a folder (was '{store}')");
            }
            else if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
            {
                problems.Add($"{Section}:{nameof(Store)} names a folder that does not exist, {folder} (was '{store}')");
            }
            return store;
        }
        if (store.StartsWith("neo4j:", StringComparison.Ordinal))
        {
            try
            {
                return Neo4jSettings.Parse(store["neo4j:".Length..], database, user, password, Environment.GetEnvironmentVariable).Address;
            }
            catch (GraphStoreException e)
            {
                // The store's own message never shows a password.
                problems.Add($"{Section}:{nameof(Store)} is not a Neo4j address: {e.Message}");
                return "neo4j:";
            }
        }
        // Anything else may be a URL with a password in it: name only its kind.
        int colon = store.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? store : store[..colon];
        problems.Add($"{Section}:{nameof(Store)} must be sqlite:PATH or neo4j:URL (was a '{kind}' address)");
        return kind;
    }

    private static void CheckHealthUrl(string url, List<string> problems)
    {
        if (url.Length > 0 && HealthEndpointOf(url) is null)
        {
            problems.Add($"{Section}:{nameof(HealthUrl)} must be empty (off) or an http:// prefix ending in '/', as in http://localhost:8080/ (was '{url}')");
        }
    }

    /// <summary>
    /// Where to listen for a HealthUrl such as <c>http://localhost:8080/</c>, or null when it is not an http:// prefix
    /// ending in '/' without query, fragment or user info. <c>+</c> and <c>*</c> (as HttpListener writes "every
    /// address") and host names other than localhost listen on every address; localhost on the loopback address; an
    /// IP address on that address. The path is the prefix of both endpoints.
    /// </summary>
    internal static (System.Net.IPAddress Address, int Port, string BasePath)? HealthEndpointOf(string url)
    {
        // Uri does not take + and * as a host, so they stand in as a name.
        string checkable = url.Replace("://+", "://any-host", StringComparison.Ordinal).Replace("://*", "://any-host", StringComparison.Ordinal);
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || !url.EndsWith('/')
            || !Uri.TryCreate(checkable, UriKind.Absolute, out var uri)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }
        var address = uri.IsLoopback && !System.Net.IPAddress.TryParse(uri.Host, out _) ? System.Net.IPAddress.Loopback
            : System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip
            : System.Net.IPAddress.Any;
        return (address, uri.Port, uri.AbsolutePath);
    }

    /// <summary>Reads values of one section, adding a line to the problems for each that is not valid.</summary>
    private sealed class SettingReader(IConfigurationSection section, List<string> problems)
    {
        public string? Text(string key) => section[key];

        public int Integer(string key, int fallback, int min, int max)
        {
            string? text = section[key];
            if (text is null)
            {
                return fallback;
            }
            if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                problems.Add($"{Section}:{key} must be a whole number between {min} and {max} (was '{text}')");
                return fallback;
            }
            if (value < min || value > max)
            {
                problems.Add($"{Section}:{key} must be between {min} and {max} (was {value})");
            }
            return value;
        }

        public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
        {
            string? text = section[key];
            if (text is null)
            {
                return fallback;
            }
            if (!TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value))
            {
                problems.Add($"{Section}:{key} must be a duration (hh:mm:ss.fff) between {min:c} and {max:c} (was '{text}')");
                return fallback;
            }
            if (value < min || value > max)
            {
                problems.Add($"{Section}:{key} must be between {min:c} and {max:c} (was {value:c})");
            }
            return value;
        }
    }
}
