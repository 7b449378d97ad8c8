using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Worker.Monitoring;

/// <summary>
/// The health endpoint on HealthUrl: <c>GET /healthz</c> answers 200 when healthy, else 503, with the
/// <see cref="HealthReport"/> JSON; <c>GET /metrics</c> answers the Prometheus text. Anything else is 404, a method
/// other than GET or HEAD 405. Starting it fails when the port cannot be listened on (a port taken), which stops
/// the worker at start.
/// </summary>
/// <remarks>
/// A few lines of HTTP/1.1 over a <see cref="TcpListener"/>, one request per connection, rather than
/// System.Net.HttpListener: on Linux its managed implementation can throw from <c>Start</c> when a client connects
/// at that very moment (seen in our restart tests, which poll the port while the worker starts), and a probe
/// must never be able to crash the service. Requests are read with a size and time limit, since anything on the
/// network may connect.
/// </remarks>
internal sealed class HealthServer(WorkerOptions options, WorkerStatus status, ILogger<HealthServer> logger) : IHostedService, IDisposable
{
    private const int MaxRequestBytes = 8192;
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;
    private string basePath = "/";
    private Task serving = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Checked at start: a HealthUrl that is set always parses.
        (var address, int port, basePath) = WorkerOptions.HealthEndpointOf(options.HealthUrl)!.Value;
        listener = new TcpListener(address, port);
        listener.Start();
        serving = Task.Run(ServeAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener?.Stop();
        await serving.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        listener?.Dispose();
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener!.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
                return;
            }
            _ = Task.Run(() => AnswerAsync(client), CancellationToken.None);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        string path = "";
        using (client)
        {
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                limit.CancelAfter(ReadLimit);
                var stream = client.GetStream();
                if (await ReadRequestLineAsync(stream, limit.Token).ConfigureAwait(false) is not { } line)
                {
                    return;
                }
                string[] parts = line.Split(' ');
                string method = parts[0];
                path = parts.Length > 1 ? parts[1].Split('?')[0] : "";
                string endpoint = path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path;
                await stream.WriteAsync(Response(method, endpoint), limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                WorkerLog.HealthRequestFailed(logger, path, e.Message);
            }
        }
    }

    /// <summary>Reads the request's head (up to the blank line, within the size limit) and returns its first line.</summary>
    private static async Task<string?> ReadRequestLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[MaxRequestBytes];
        int length = 0;
        while (length < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }
        int end = buffer.AsSpan(0, length).IndexOf("\r\n"u8);
        return end <= 0 ? null : Encoding.ASCII.GetString(buffer, 0, end);
    }

    private byte[] Response(string method, string endpoint)
    {
        if (endpoint is not ("healthz" or "metrics"))
        {
            return Http(404, "Not Found", "text/plain; charset=utf-8", "not found: try /healthz or /metrics\n"u8.ToArray(), method);
        }
        if (method is not ("GET" or "HEAD"))
        {
            return Http(405, "Method Not Allowed", "text/plain; charset=utf-8", "only GET and HEAD\n"u8.ToArray(), method, "Allow: GET, HEAD\r\n");
        }
        var report = HealthReport.Read(status, options);
        return endpoint == "healthz"
            ? Http(report.Healthy ? 200 : 503, report.Healthy ? "OK" : "Service Unavailable", "application/json; charset=utf-8", report.Json(), method)
            : Http(200, "OK", "text/plain; version=0.0.4; charset=utf-8", Encoding.UTF8.GetBytes(report.Prometheus()), method);
    }

    private static byte[] Http(int code, string reason, string contentType, byte[] body, string method, string extraHeaders = "")
    {
        string head = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"HTTP/1.1 {code} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n{extraHeaders}\r\n");
        byte[] headBytes = Encoding.ASCII.GetBytes(head);
        return method == "HEAD" ? headBytes : [.. headBytes, .. body];
    }
}
