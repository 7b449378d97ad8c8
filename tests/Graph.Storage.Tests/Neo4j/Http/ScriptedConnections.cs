using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>Clients of a <see cref="ScriptedNeo4jServer"/>, with retries that wait a millisecond or so instead of seconds.</summary>
internal static class ScriptedConnections
{
    public const string User = "alice";

    /// <summary>A password that would stand out in any message that leaked it.</summary>
    public const string Password = "Zq7-hunter2-\"secret\"-8xv";

    public static readonly Neo4jBackoff Quick = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));

    public static Neo4jSettings Settings(ScriptedNeo4jServer server, string? user = User, string? password = Password, int maxAttempts = 6, string database = "neo4j") =>
        new()
        {
            Server = server.Url,
            Database = database,
            User = user,
            Password = password,
            MaxAttempts = maxAttempts,
            RequestTimeout = TimeSpan.FromSeconds(20),
        };

    public static Task<Neo4jClient> ConnectAsync(ScriptedNeo4jServer server, string? user = User, string? password = Password, int maxAttempts = 6, string database = "neo4j") =>
        Neo4jClient.ConnectAsync(Settings(server, user, password, maxAttempts, database), null, Quick, TestContext.Current.CancellationToken);
}
