using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>Store addresses after <c>neo4j:</c>, the explicit arguments and the environment, and where a password must never show.</summary>
public sealed class Neo4jSettingsTests
{
    private const string Secret = "Zq7-hunter2-secret";

    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("http://localhost:7474", "http://localhost:7474/", "neo4j:http://localhost:7474/neo4j")]
    [InlineData("https://graph.example.org", "https://graph.example.org/", "neo4j:https://graph.example.org/neo4j")]
    [InlineData("https://graph.example.org:7473/", "https://graph.example.org:7473/", "neo4j:https://graph.example.org:7473/neo4j")]
    [InlineData("neo4j+s://1a2b3c4d.databases.neo4j.io", "https://1a2b3c4d.databases.neo4j.io/", "neo4j:https://1a2b3c4d.databases.neo4j.io/neo4j")]
    [InlineData("bolt+s://1a2b3c4d.databases.neo4j.io:7687", "https://1a2b3c4d.databases.neo4j.io/", "neo4j:https://1a2b3c4d.databases.neo4j.io/neo4j")]
    [InlineData("neo4j://db.internal", "http://db.internal:7474/", "neo4j:http://db.internal:7474/neo4j")]
    [InlineData("bolt://db.internal:7687", "http://db.internal:7474/", "neo4j:http://db.internal:7474/neo4j")]
    [InlineData("  http://127.0.0.1:7474/  ", "http://127.0.0.1:7474/", "neo4j:http://127.0.0.1:7474/neo4j")]
    [InlineData("neo4j://[::1]", "http://[::1]:7474/", "neo4j:http://[::1]:7474/neo4j")]
    public void Each_accepted_form_becomes_an_HTTP_server(string url, string server, string address)
    {
        var settings = Neo4jSettings.Parse(url, null, null, null, NoEnvironment);

        Assert.Equal(new Uri(server), settings.Server);
        Assert.Equal(address, settings.Address);
        Assert.Null(settings.User);
        Assert.Null(settings.Password);
    }

    [Fact]
    public void User_info_becomes_the_credentials_and_leaves_the_server_and_the_address()
    {
        var settings = Neo4jSettings.Parse($"http://neo4j:{Secret}@localhost:7474", null, null, null, NoEnvironment);

        Assert.Equal(new Uri("http://localhost:7474/"), settings.Server);
        Assert.Equal("", settings.Server.UserInfo);
        Assert.Equal(("neo4j", Secret), (settings.User, settings.Password));
        Assert.Equal("neo4j:http://localhost:7474/neo4j", settings.Address);
    }

    [Fact]
    public void Percent_encoded_user_info_is_decoded()
    {
        var settings = Neo4jSettings.Parse("https://r%C3%A9my:p%40ss%3Aw%2Frd@host", null, null, null, NoEnvironment);

        Assert.Equal(("rémy", "p@ss:w/rd"), (settings.User, settings.Password));
    }

    [Fact]
    public void The_environment_fills_what_neither_the_arguments_nor_the_URL_give()
    {
        var environment = new Dictionary<string, string?> { ["NEO4J_DATABASE"] = "un", ["NEO4J_USER"] = "reader", ["NEO4J_PASSWORD"] = Secret };

        var settings = Neo4jSettings.Parse("http://localhost:7474", null, null, null, name => environment.GetValueOrDefault(name));

        Assert.Equal(("un", "reader", Secret), (settings.Database, settings.User, settings.Password));
        Assert.Equal("neo4j:http://localhost:7474/un", settings.Address);
    }

    [Fact]
    public void Explicit_arguments_win_over_the_URL_and_the_URL_over_the_environment()
    {
        var environment = new Dictionary<string, string?> { ["NEO4J_DATABASE"] = "env-db", ["NEO4J_USER"] = "env-user", ["NEO4J_PASSWORD"] = "env-password" };

        var explicitly = Neo4jSettings.Parse("http://url-user:url-password@localhost:7474/url-db", "arg-db", "arg-user", "arg-password", environment.GetValueOrDefault);
        var fromUrl = Neo4jSettings.Parse("http://url-user:url-password@localhost:7474/url-db", null, null, null, environment.GetValueOrDefault);
        var emptyArguments = Neo4jSettings.Parse("http://localhost:7474", "", "", "", environment.GetValueOrDefault);

        Assert.Equal(("arg-db", "arg-user", "arg-password"), (explicitly.Database, explicitly.User, explicitly.Password));
        Assert.Equal(("url-db", "url-user", "url-password"), (fromUrl.Database, fromUrl.User, fromUrl.Password));
        Assert.Equal(("env-db", "env-user", "env-password"), (emptyArguments.Database, emptyArguments.User, emptyArguments.Password));
    }

    [Fact]
    public void A_password_without_a_user_is_for_the_default_user()
    {
        var settings = Neo4jSettings.Parse("http://localhost:7474", null, null, Secret, NoEnvironment);

        Assert.Equal("neo4j", settings.User);
    }

    [Fact]
    public void The_address_reads_back_to_the_same_server_and_database()
    {
        var settings = Neo4jSettings.Parse("neo4j+s://1a2b3c4d.databases.neo4j.io", "movies", null, null, NoEnvironment);

        var again = Neo4jSettings.Parse(settings.Address["neo4j:".Length..], null, null, null, NoEnvironment);

        Assert.Equal((settings.Server, settings.Database), (again.Server, again.Database));
    }

    [Fact]
    public void The_record_prints_everything_but_the_password()
    {
        var settings = Neo4jSettings.Parse($"http://alice:{Secret}@localhost:7474", null, null, null, NoEnvironment);

        string printed = settings.ToString();

        Assert.DoesNotContain(Secret, printed, StringComparison.Ordinal);
        Assert.Contains("User = alice", printed, StringComparison.Ordinal);
        Assert.Contains("Password = ***", printed, StringComparison.Ordinal);
        Assert.Contains("Server = http://localhost:7474/", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:7474")]
    [InlineData("not a url")]
    [InlineData($"ftp://alice:{Secret}@files.example.org")]
    [InlineData($"alice:{Secret}@localhost:7474")]
    [InlineData($"http://alice:{Secret}@localhost:7474/a/b")]
    [InlineData($"http://alice:{Secret}@localhost:7474/?db=x")]
    [InlineData("neo4j+ssc://localhost")]
    public void A_bad_URL_is_refused_without_showing_the_password(string url)
    {
        var error = Assert.Throws<GraphStoreException>(() => Neo4jSettings.Parse(url, null, null, null, NoEnvironment));

        Assert.StartsWith("neo4j:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }
}
