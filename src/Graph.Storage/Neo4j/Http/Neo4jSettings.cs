using System.Globalization;
using System.Text;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// Where and as whom to connect to a Neo4j server over HTTP. <see cref="Object.ToString"/> and
/// <see cref="Address"/> never show the password.
/// </summary>
public sealed record Neo4jSettings
{
    /// <summary>Neo4j's HTTP port, used when a Bolt-style address (<c>neo4j://</c>, <c>bolt://</c>) names only the host.</summary>
    public const int DefaultHttpPort = 7474;

    /// <summary>The server's scheme, host and port (<c>http://host:7474</c>, <c>https://host</c>): no path, no user info.</summary>
    public required Uri Server { get; init; }

    public string Database { get; init; } = "neo4j";

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>How long one HTTP request may take before it is abandoned.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How many times a unit of work is tried in all when it fails for a transient reason.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary><c>neo4j:</c> + server + <c>/</c> + database, for messages and store addresses; never a credential.</summary>
    public string Address => "neo4j:" + Server.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/" + Database;

    /// <summary>
    /// Reads the part of a store address after <c>neo4j:</c>. Accepted: <c>http://host:7474</c> and <c>https://host</c>
    /// (a missing port is the scheme's own, 80 or 443); <c>neo4j+s://id.databases.neo4j.io</c> and <c>bolt+s://</c>
    /// (Aura: HTTPS on port 443); <c>neo4j://host</c> and <c>bolt://host</c> (HTTP on port 7474, whatever Bolt port is
    /// given). A single path segment names the database (<c>http://host:7474/movies</c>), so <see cref="Address"/>
    /// reads back to the same settings. User info (<c>http://user:password@host</c>, percent-encoded) is taken as the
    /// credentials and removed from <see cref="Server"/>.
    /// </summary>
    /// <remarks>
    /// Each of database, user and password comes from the first of: the explicit argument, the URL, the environment
    /// (<c>NEO4J_DATABASE</c>, <c>NEO4J_USER</c>, <c>NEO4J_PASSWORD</c>, read through <paramref name="environment"/>).
    /// Empty strings count as missing. A password without a user is Neo4j's default user, <c>neo4j</c>.
    /// </remarks>
    /// <exception cref="GraphStoreException">When <paramref name="url"/> is not one of the forms above; the message never shows a password.</exception>
    public static Neo4jSettings Parse(string url, string? database, string? user, string? password, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(environment);
        string text = url.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid(text, "not a URL with a host");
        }
        (string scheme, int port) = uri.Scheme switch
        {
            "http" or "https" => (uri.Scheme, uri.Port),
            // Aura serves HTTPS on 443 only; the Bolt port in the URL (7687) means nothing to HTTP.
            "neo4j+s" or "bolt+s" => ("https", 443),
            "neo4j" or "bolt" => ("http", DefaultHttpPort),
            _ => throw Invalid(text, $"the scheme '{uri.Scheme}' is not one of http, https, neo4j, neo4j+s, bolt, bolt+s"),
        };
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Invalid(text, "a query or fragment is not allowed");
        }
        string path = uri.AbsolutePath.Trim('/');
        if (path.Contains('/', StringComparison.Ordinal))
        {
            throw Invalid(text, "the path may only name the database, as in http://host:7474/neo4j");
        }
        (string? urlUser, string? urlPassword) = SplitUserInfo(uri.UserInfo);
        string? chosenUser = First(user, urlUser, environment("NEO4J_USER"));
        string? chosenPassword = First(password, urlPassword, environment("NEO4J_PASSWORD"));
        return new Neo4jSettings
        {
            Server = new UriBuilder(scheme, uri.Host, port).Uri,
            Database = First(database, Uri.UnescapeDataString(path), environment("NEO4J_DATABASE")) ?? "neo4j",
            User = chosenUser ?? (chosenPassword is null ? null : "neo4j"),
            Password = chosenPassword,
        };
    }

    private static (string? User, string? Password) SplitUserInfo(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return (null, null);
        }
        int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    private static string? First(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c));

    private static GraphStoreException Invalid(string url, string problem) =>
        new($"neo4j:{WithoutUserInfo(url)}: {problem}; use neo4j:http://host:7474, neo4j:https://host or neo4j:neo4j+s://id.databases.neo4j.io");

    /// <summary>The URL with anything that may be user info replaced, for messages about a URL that did not parse.</summary>
    internal static string WithoutUserInfo(string url)
    {
        int at = url.LastIndexOf('@');
        if (at < 0)
        {
            return url;
        }
        int schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        int start = schemeEnd < 0 || schemeEnd > at ? 0 : schemeEnd + 3;
        return url[..start] + "***" + url[at..];
    }

    /// <summary>The record's members, with the password shown only as set or not.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Server = {Server}, Database = {Database}, User = {User}, ");
        builder.Append(Password is null ? "Password = , " : "Password = ***, ");
        builder.Append(CultureInfo.InvariantCulture, $"RequestTimeout = {RequestTimeout}, MaxAttempts = {MaxAttempts}, Address = {Address}");
        return true;
    }
}
