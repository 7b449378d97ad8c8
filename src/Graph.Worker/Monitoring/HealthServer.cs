using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Worker.Monitoring;

/// <summary>
/// The health endpoint on HealthUrl (System.Net.HttpListener: a few lines of HTTP need no web framework):
/// <c>GET /healthz</c> answers 200 when healthy, else 503, with the <see cref="HealthReport"/> JSON;
/// <c>GET /metrics</c> answers the Prometheus text. Anything else is 404, a method other than GET or HEAD 405.
/// Starting it fails when the prefix cannot be listened on (a port taken), which stops the worker at start.
/// </summary>
internal sealed class HealthServer(WorkerOptions options, WorkerStatus status, ILogger<HealthServer> logger) : IHostedService, IDisposable
{
    private readonly HttpListener listener = new();
    private Task serving = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        listener.Prefixes.Add(options.HealthUrl);
        listener.Start();
        serving = Task.Run(ServeAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (listener.IsListening)
        {
            listener.Stop();
        }
        await serving.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        // The prefix's own path: with http://host:8080/worker/ the endpoints are /worker/healthz and /worker/metrics.
        string basePath = new Uri(options.HealthUrl.Replace("://+", "://any-host", StringComparison.Ordinal).Replace("://*", "://any-host", StringComparison.Ordinal)).AbsolutePath;
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Stopped.
                return;
            }
            string path = context.Request.Url?.AbsolutePath ?? "";
            try
            {
                Respond(context, path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path);
            }
            catch (Exception e)
            {
                WorkerLog.HealthRequestFailed(logger, path, e.Message);
            }
        }
    }

    private void Respond(HttpListenerContext context, string endpoint)
    {
        using var response = context.Response;
        string method = context.Request.HttpMethod;
        if (endpoint is not ("healthz" or "metrics"))
        {
            Write(response, HttpStatusCode.NotFound, "text/plain; charset=utf-8", "not found: try /healthz or /metrics\n"u8.ToArray(), method);
            return;
        }
        if (method is not ("GET" or "HEAD"))
        {
            response.AddHeader("Allow", "GET, HEAD");
            Write(response, HttpStatusCode.MethodNotAllowed, "text/plain; charset=utf-8", "only GET and HEAD\n"u8.ToArray(), method);
            return;
        }
        var report = HealthReport.Read(status, options);
        if (endpoint == "healthz")
        {
            var code = report.Healthy ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
            Write(response, code, "application/json; charset=utf-8", report.Json(), method);
        }
        else
        {
            Write(response, HttpStatusCode.OK, "text/plain; version=0.0.4; charset=utf-8", Encoding.UTF8.GetBytes(report.Prometheus()), method);
        }
    }

    private static void Write(HttpListenerResponse response, HttpStatusCode code, string contentType, byte[] body, string method)
    {
        response.StatusCode = (int)code;
        response.ContentType = contentType;
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = body.Length;
        if (method != "HEAD")
        {
            response.OutputStream.Write(body);
        }
    }
}
