using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// A real Neo4j server in a Docker container, started once for a test class by Testcontainers. Where no Docker
/// engine answers, the server is not started and every test that needs it is skipped with the reason: such a
/// test neither fails nor passes.
/// </summary>
public abstract class Neo4jServer(string image) : IAsyncLifetime
{
    private const string Password = "contract-tests-password";
    private IContainer? container;
    private string? unavailable;

    /// <summary>The image, for messages: <c>neo4j:5.26-community</c>.</summary>
    public string Image => image;

    /// <summary>Settings for the running server; skips the calling test when there is none.</summary>
    public Neo4jSettings Settings
    {
        get
        {
            Assert.SkipWhen(unavailable is not null, $"{image}: {unavailable}");
            return new Neo4jSettings
            {
                Server = new Uri($"http://{container!.Hostname}:{container.GetMappedPublicPort(7474)}"),
                User = "neo4j",
                Password = Password,
            };
        }
    }

    public async ValueTask InitializeAsync()
    {
        try
        {
            container = new ContainerBuilder(image)
                .WithPortBinding(7474, assignRandomHostPort: true)
                .WithEnvironment("NEO4J_AUTH", "neo4j/" + Password)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(7474).ForPath("/")))
                .Build();
            await container.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (DockerUnavailableException e)
        {
            unavailable = "no Docker engine answers, so the Neo4j contract tests cannot run here (" + e.Message.Split('\n')[0] + ")";
        }
    }

    /// <summary>Deletes everything in the database: the graph and the store's bookkeeping.</summary>
    public async Task EmptyAsync()
    {
        using var client = await Neo4jClient.ConnectAsync(Settings, cancellationToken: TestContext.Current.CancellationToken);
        await client.RunAsync("MATCH (n) DETACH DELETE n", cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Neo4j 5.26, the long-term-support release: the Query API with explicit transactions.</summary>
public sealed class Neo4jLts() : Neo4jServer("neo4j:5.26-community");

/// <summary>The current calendar-versioned release (2026.x); the floating year tag follows its monthly releases.</summary>
public sealed class Neo4jCalendar() : Neo4jServer("neo4j:2026-community");
