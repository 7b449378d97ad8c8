using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>
/// A hand-written double of a Neo4j server's HTTP side, because no Neo4j can run on our machines: a real HTTP server
/// on 127.0.0.1 (<see cref="HttpListener"/>, a free port) that records every request it gets (method, path, headers,
/// body) and answers each with the next reply the test scripted for that method and path, in order. The replies are
/// Neo4j's documented example responses (<see cref="Neo4jExamples"/>). It knows no Cypher; a request nobody scripted
/// gets a 418 that names it, which makes the test fail on its own assertions.
/// </summary>
internal sealed class ScriptedNeo4jServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Task serving;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<Reply>> replies = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> requests = [];

    public ScriptedNeo4jServer()
    {
        (listener, Url) = Listen();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The server's root, as in <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Every request so far, in the order they arrived.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Requests as <c>METHOD path</c>, for asserting the whole conversation at once.</summary>
    public IReadOnlyList<string> Conversation => [.. Requests.Select(r => $"{r.Method} {r.Path}")];

    /// <summary>Scripts the next answer to <paramref name="method"/> <paramref name="path"/>.</summary>
    public ScriptedNeo4jServer On(string method, string path, int status, string? body = null, params (string Name, string Value)[] headers)
    {
        Enqueue(method, path, new Reply(status, body, headers, Drop: false));
        return this;
    }

    /// <summary>
    /// Scripts a connection that breaks in the middle of the answer, as when a server dies while it streams a
    /// result: the headers promise more body than comes. (HttpListener cannot break a connection before the headers:
    /// its Abort still sends an empty 200 then.)
    /// </summary>
    public ScriptedNeo4jServer Dropping(string method, string path)
    {
        Enqueue(method, path, new Reply(0, null, [], Drop: true));
        return this;
    }

    /// <summary>Scripts <c>GET /</c>: the discovery document of a server at <paramref name="version"/>.</summary>
    public ScriptedNeo4jServer Discovery(string version, bool queryApi = true, bool transactional = true, string edition = "community") =>
        On("GET", "/", 200, Neo4jExamples.Discovery(Url, version, edition, queryApi, transactional));

    private void Enqueue(string method, string path, Reply reply)
    {
        lock (gate)
        {
            string key = method + " " + path;
            if (!replies.TryGetValue(key, out var queue))
            {
                replies[key] = queue = new Queue<Reply>();
            }
            queue.Enqueue(reply);
        }
    }

    /// <summary>HttpListener cannot pick a port itself: take one the system has just handed out, and try again if it is gone.</summary>
    private static (HttpListener Listener, Uri Url) Listen()
    {
        for (int attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                return (listener, url);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }
        var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(name => name, name => request.Headers[name] ?? "", StringComparer.OrdinalIgnoreCase);
        string path = request.RawUrl ?? "/";
        Reply? reply;
        lock (gate)
        {
            requests.Add(new RecordedRequest(request.HttpMethod, path, headers, body));
            reply = replies.TryGetValue(request.HttpMethod + " " + path, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }
        var response = context.Response;
        if (reply is { Drop: true })
        {
            byte[] start = Encoding.UTF8.GetBytes("""{"data": {"fields": [""");
            response.StatusCode = 202;
            response.ContentType = "application/json";
            response.ContentLength64 = 4096;
            await response.OutputStream.WriteAsync(start);
            await response.OutputStream.FlushAsync();
            response.Abort();
            return;
        }
        reply ??= new Reply(418, $$"""{"unscripted": "{{request.HttpMethod}} {{path}}"}""", [], Drop: false);
        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            response.AddHeader(name, value);
        }
        if (reply.Body is not null)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }

    private sealed record Reply(int Status, string? Body, (string Name, string Value)[] Headers, bool Drop);
}

/// <summary>One request as the server received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The body parsed, for checking what a field holds after JSON decoding.</summary>
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);
}
