using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// Talks to one Neo4j database over HTTP, through whichever of its two APIs the server offers (see
/// <see cref="ConnectAsync(Neo4jSettings, HttpMessageHandler?, CancellationToken)"/>). Retries whole units of work
/// on transient failures. Thread-safe: one client may run many transactions at once.
/// </summary>
internal sealed partial class Neo4jClient : IDisposable
{
    private readonly HttpClient http;
    private readonly Neo4jBackoff backoff;
    private Neo4jHttpApi api;
    private volatile IReadOnlyList<string> bookmarks = [];

    private Neo4jClient(HttpClient http, Neo4jSettings settings, Neo4jBackoff backoff)
    {
        this.http = http;
        this.backoff = backoff;
        Settings = settings;
        api = new QueryApi(settings.Database);
    }

    public Neo4jSettings Settings { get; }

    /// <summary>As the server reports it: <c>5.26.0</c>, <c>2025.06.0</c>.</summary>
    public string ServerVersion { get; private set; } = "";

    /// <summary><c>community</c> or <c>enterprise</c>, as the server reports it.</summary>
    public string ServerEdition { get; private set; } = "";

    /// <summary>Whether statements go through the Query API rather than the older transactional endpoint.</summary>
    public bool UsesQueryApi => api is QueryApi;

    private string Address => Settings.Address;

    /// <summary>Connects and finds out which API to use; see <see cref="DiscoverAsync"/>.</summary>
    /// <param name="settings">Where and as whom.</param>
    /// <param name="handler">The HTTP handler to send through, left undisposed; null for a handler of the client's own.</param>
    /// <param name="cancellationToken">Cancels the discovery.</param>
    /// <exception cref="ArgumentException">When the settings cannot describe a server (no http or https, a path, user info).</exception>
    /// <exception cref="GraphStoreUnavailableException">When the server cannot be reached.</exception>
    /// <exception cref="GraphStoreException">When the server offers neither API, or is not Neo4j.</exception>
    public static Task<Neo4jClient> ConnectAsync(Neo4jSettings settings, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(settings, handler, Neo4jBackoff.Default, cancellationToken);

    /// <summary>As the public overload, waiting between attempts as <paramref name="backoff"/> says (tests keep it short).</summary>
    internal static async Task<Neo4jClient> ConnectAsync(Neo4jSettings settings, HttpMessageHandler? handler, Neo4jBackoff backoff, CancellationToken cancellationToken)
    {
        Validate(settings);
        ArgumentNullException.ThrowIfNull(backoff);
        var http = handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All })
            : new HttpClient(handler, disposeHandler: false);
        // Each request gets its own deadline (see SendAsync), which tells a timeout from a cancellation.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.BaseAddress = new Uri(settings.Server.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/");
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (settings.User is not null)
        {
            string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.User + ":" + settings.Password));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
        var client = new Neo4jClient(http, settings, backoff);
        try
        {
            await client.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static void Validate(Neo4jSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var server = settings.Server;
        if (server is null || !server.IsAbsoluteUri || server.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("the server must be an http:// or https:// URL", nameof(settings));
        }
        if (server.UserInfo.Length > 0 || server.AbsolutePath != "/" || server.Query.Length > 0)
        {
            // The message leaves the URL out: its user info may hold a password.
            throw new ArgumentException("the server URL must be scheme, host and port only: no user info, path or query", nameof(settings));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Database);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.RequestTimeout, TimeSpan.Zero);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction: commits when it returns, rolls back when it throws.
    /// On a retryable failure anywhere (a transient Neo4j error, a lost connection, a gateway's 502, 503 or 504) it rolls
    /// back and runs <paramref name="work"/> again from the start, up to <see cref="Neo4jSettings.MaxAttempts"/> times in
    /// all, waiting longer each time. <paramref name="work"/> must therefore be safe to run more than once.
    /// </summary>
    /// <param name="work">The statements; it must not keep the transaction beyond its own end.</param>
    /// <param name="write">False for a read-only unit, which a cluster may serve from a secondary.</param>
    /// <param name="cancellationToken">Cancels the unit; the transaction is then rolled back.</param>
    /// <exception cref="Neo4jServerException">When Neo4j refuses a statement for a reason that a retry would not change, or kept failing.</exception>
    /// <exception cref="GraphStoreUnavailableException">When the server cannot be reached, or stayed unreachable through every attempt.</exception>
    /// <exception cref="GraphStoreException">When a request times out, or the server answers with something other than Neo4j's JSON.</exception>
    public Task<T> RunInTransactionAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, bool write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WithRetriesAsync(
            async ct =>
            {
                var transaction = new Neo4jTransaction(this, api, write, bookmarks);
                try
                {
                    T result = await work(transaction, ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return result;
                }
                catch
                {
                    await transaction.RollBackQuietlyAsync().ConfigureAwait(false);
                    throw;
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs one statement in a transaction the server opens and commits itself (the only kind in which
    /// <c>CALL { ... } IN TRANSACTIONS</c> works), retried as <see cref="RunInTransactionAsync{T}"/> is.
    /// </summary>
    /// <exception cref="Neo4jServerException">When Neo4j refuses the statement.</exception>
    /// <exception cref="GraphStoreUnavailableException">When the server cannot be reached, or stayed unreachable through every attempt.</exception>
    /// <exception cref="GraphStoreException">When a request times out, or the server answers with something other than Neo4j's JSON.</exception>
    public Task<Neo4jRecords> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        return WithRetriesAsync(
            async ct =>
            {
                var response = await SendAsync(api.AutoCommit(statement, parameters, bookmarks), ct).ConfigureAwait(false);
                ThrowIfFailed(response);
                RememberBookmarks(api.Bookmarks(response));
                return RecordsOf(api, response);
            },
            cancellationToken);
    }

    public void Dispose() => http.Dispose();

    internal void RememberBookmarks(IReadOnlyList<string> committed)
    {
        if (committed.Count > 0)
        {
            bookmarks = committed;
        }
    }

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (int attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (GraphStoreException e) when (IsRetryable(e) && attempts < Settings.MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(backoff.Delay(attempts), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsRetryable(GraphStoreException e) => e is Neo4jConnectionException or Neo4jServerException { IsRetryable: true };

    /// <summary>
    /// Sends <paramref name="request"/> and reads the whole answer. Throws only when no answer came: a broken
    /// connection (<see cref="Neo4jConnectionException"/>), a timeout, a cancellation.
    /// </summary>
    internal async Task<Neo4jResponse> SendAsync(Neo4jRequest request, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        var limit = timeout ?? Settings.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            string? affinity = response.Headers.TryGetValues(Neo4jResponse.ClusterAffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return new Neo4jResponse(request, (int)response.StatusCode, response.ReasonPhrase, Neo4jJson.TryParse(body), body.Length, affinity, response.Headers.Location);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphStoreException(
                $"{Address}: no answer to {request} within {limit.TotalSeconds:0.###} s; a longer request timeout may help with large batches", e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                                                 or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.UserAuthenticationError)
        {
            // A misspelt host or a certificate the machine does not trust would fail the same way every time.
            throw new GraphStoreUnavailableException($"{Address}: {request} failed: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jConnectionException($"{Address}: {request} failed: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new Neo4jConnectionException($"{Address}: the connection broke during {request}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Throws when the response reports a failure. Neo4j's error code decides, whatever the status: the Query API
    /// answers 202 before it knows the outcome and the older API answers 200, so a body that opened with results can
    /// still end with an <c>errors</c> array.
    /// </summary>
    internal void ThrowIfFailed(Neo4jResponse response)
    {
        if (Neo4jJson.FirstError(response.Body) is var (code, message))
        {
            throw ServerError(code, message);
        }
        if (response.Status == 401)
        {
            throw ServerError(Neo4jServerException.Unauthorized, "the server answered 401 Unauthorized");
        }
        if (response.Status is 502 or 503 or 504)
        {
            throw new Neo4jConnectionException($"{Address}: {response}; the server or a gateway in front of it is not available");
        }
        if (!response.IsSuccess)
        {
            throw new GraphStoreException($"{Address}: {response}");
        }
        if (response.Body is null && response.BodyLength > 0)
        {
            throw new GraphStoreException($"{Address}: {response}; is this a Neo4j server?");
        }
    }

    /// <summary>
    /// The result of a statement that succeeded. A success without one is an error, never an empty result: a
    /// result that silently lost its rows would look like a graph without those nodes.
    /// </summary>
    internal Neo4jRecords RecordsOf(Neo4jHttpApi dialect, Neo4jResponse response) =>
        dialect.Records(response) ?? throw new GraphStoreException($"{Address}: {response}, and no result in it");

    private Neo4jServerException ServerError(string code, string serverMessage)
    {
        string text = code switch
        {
            Neo4jServerException.Unauthorized when Settings.User is null =>
                $"the server requires a user and password and none was given (NEO4J_USER, NEO4J_PASSWORD): {serverMessage}",
            Neo4jServerException.Unauthorized => $"authentication failed for user '{Settings.User}': {serverMessage}",
            Neo4jServerException.DatabaseNotFound => $"the database '{Settings.Database}' does not exist on this server: {serverMessage}",
            _ => serverMessage,
        };
        return new Neo4jServerException($"{Address}: {code}: {WithoutPassword(text)}", code);
    }

    /// <summary>Servers do not echo passwords, but a message is no place to find out that one did.</summary>
    private string WithoutPassword(string text) =>
        string.IsNullOrEmpty(Settings.Password) ? text : text.Replace(Settings.Password, "***", StringComparison.Ordinal);
}
