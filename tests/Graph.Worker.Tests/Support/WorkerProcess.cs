using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Graph.Worker.Tests.Support;

/// <summary>
/// The real worker as a separate process (<c>dotnet graph-worker.dll --Worker:Key=value ...</c>) in a working
/// folder of the test's, its health endpoint on a free loopback port, its output captured for diagnostics. Every
/// wait has a time limit and, when it runs out, fails with the worker's output and its last health answer.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>
    /// What the tests run with unless they say otherwise: the inbox and the store relative to the working folder
    /// (so <c>graph build inbox</c> from there names files the same way), and short timings so that a suite of
    /// real processes stays within minutes on two cores.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TestDefaults = new Dictionary<string, string>
    {
        ["Inbox"] = "inbox",
        ["Store"] = "sqlite:worker.db",
        ["Parallelism"] = "2",
        ["StableFor"] = "00:00:00.200",
        ["BatchDelay"] = "00:00:00.050",
        ["RescanInterval"] = "00:00:02",
        ["RetryMin"] = "00:00:00.100",
        ["RetryMax"] = "00:00:01",
        ["ShutdownGrace"] = "00:00:15",
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    // No proxy: a proxy from the environment must not stand between the tests and a loopback port.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private const int KeptOutput = 1 << 20;

    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Lock gate = new();

    private WorkerProcess(Process process, string workingDirectory, int port, IReadOnlyDictionary<string, string> settings)
    {
        this.process = process;
        WorkingDirectory = workingDirectory;
        Port = port;
        Settings = settings;
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string WorkingDirectory { get; }

    public int Port { get; }

    /// <summary>The <c>Worker:*</c> settings it was started with, test defaults included.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public Uri BaseUrl => new($"http://localhost:{Port}/");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last answer of <c>/healthz</c> any wait received, for diagnostics.</summary>
    public Health? LastHealth { get; private set; }

    public string Stdout
    {
        get
        {
            lock (gate)
            {
                return stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (gate)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the worker in <paramref name="workingDirectory"/> with <see cref="TestDefaults"/> overridden by
    /// <paramref name="settings"/> (keys without the <c>Worker:</c> prefix) and HealthUrl on <paramref name="port"/>,
    /// a free loopback port when none is given.
    /// </summary>
    /// <param name="workingDirectory">The worker's working folder.</param>
    /// <param name="settings">Worker:* settings over <see cref="TestDefaults"/>.</param>
    /// <param name="port">The health port; a free one when null.</param>
    /// <param name="asUser">
    /// A user and group (<c>nobody:nogroup</c>) to run the worker as, through <c>setpriv</c>, which needs root: lets a test run as root make a folder
    /// read-only for the worker, since root itself writes into read-only folders.
    /// </param>
    public static WorkerProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? settings = null, int? port = null, string? asUser = null)
    {
        int chosen = port ?? FreePort();
        var merged = new Dictionary<string, string>(TestDefaults);
        merged["HealthUrl"] = $"http://localhost:{chosen}/";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }
        var start = StartInfo(workingDirectory, merged.Select(kv => $"--Worker:{kv.Key}={kv.Value}"), environment: null);
        if (asUser is not null)
        {
            // setpriv execs the worker in its own process, so the process id (SIGTERM, kill -9) is still the worker's.
            string[] worker = [start.FileName, .. start.ArgumentList];
            start.FileName = "setpriv";
            start.ArgumentList.Clear();
            string[] ids = asUser.Split(':');
            foreach (string arg in (string[])[$"--reuid={ids[0]}", $"--regid={ids[^1]}", "--clear-groups", "--", .. worker])
            {
                start.ArgumentList.Add(arg);
            }
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Hosts.Dotnet}");
        process.StandardInput.Close();
        return new WorkerProcess(process, workingDirectory, chosen, merged);
    }

    /// <summary>Runs the worker with exactly <paramref name="args"/> until it exits by itself (bad configuration).</summary>
    public static async Task<CliResult> RunToExitAsync(
        string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan limit)
    {
        var start = StartInfo(workingDirectory, args, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Hosts.Dotnet}");
        process.StandardInput.Close();
        var token = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new Xunit.Sdk.XunitException(
                $"graph-worker {string.Join(' ', args)} was still running after {limit.TotalSeconds} s instead of exiting\n"
                + $"--- stdout ---\n{Tail(await stdout)}\n--- stderr ---\n{Tail(await stderr)}");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Asks <c>/healthz</c> once; null when nothing answers yet.</summary>
    public async Task<Health?> TryHealthAsync()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(BaseUrl, "healthz"), TestContext.Current.CancellationToken);
            string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var health = Health.Parse(response.StatusCode, body);
            LastHealth = health;
            return health;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Polls <c>/healthz</c> until <paramref name="condition"/> holds and returns that answer; fails with a
    /// diagnostic dump when <paramref name="limit"/> runs out or the worker exits meanwhile.
    /// </summary>
    public async Task<Health> WaitForAsync(string what, Func<Health, bool> condition, TimeSpan limit, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                Fail($"the worker exited with code {process.ExitCode} while waiting for {what}");
            }
            if (await TryHealthAsync() is { } health && condition(health))
            {
                return health;
            }
            if (clock.Elapsed > limit)
            {
                Fail($"timed out after {limit.TotalSeconds:0.#} s waiting for {what}");
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until every file seen is loaded or failed and <paramref name="settled"/> holds.</summary>
    public Task<Health> WaitUntilIdleAsync(string what, Func<Health, bool> settled, TimeSpan limit) =>
        WaitForAsync(what, h => h.Queue == 0 && settled(h), limit);

    /// <summary>Reads <paramref name="path"/> (e.g. <c>metrics</c>) from the health endpoint.</summary>
    public async Task<(HttpStatusCode Code, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(BaseUrl, path), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Sends SIGTERM and waits for the process to exit; returns its exit code and how long it took.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> TerminateAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("could not run kill"))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Fail($"the worker was still running {limit.TotalSeconds:0.#} s after SIGTERM");
        }
        return (process.ExitCode, clock.Elapsed);
    }

    /// <summary>kill -9: the process ends at once, wherever it is, with nothing flushed or closed.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Fails the test with <paramref name="message"/>, the last health answer and the worker's output.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Fail(string message) => throw new Xunit.Sdk.XunitException(Diagnostics(message));

    public string Diagnostics(string message) =>
        $"{message}\n--- worker (pid {process.Id}, port {Port}, in {WorkingDirectory}) ---\n"
        + $"settings: {string.Join(' ', Settings.Select(kv => $"{kv.Key}={kv.Value}"))}\n"
        + $"last /healthz: {LastHealth?.ToString() ?? "(no answer)"}\n"
        + $"--- stderr (tail) ---\n{Tail(Stderr)}\n--- stdout (tail) ---\n{Tail(Stdout)}";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
        process.Dispose();
    }

    /// <summary>A loopback port nobody listens on right now (the OS picks it; the worker binds it moments later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Hosts.Dotnet)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        start.ArgumentList.Add(Hosts.WorkerDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Only what the test says configures the worker: no Worker__* from the machine running the tests.
        foreach (string inherited in start.Environment.Keys.Where(k => k.StartsWith("Worker__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (gate)
        {
            builder.Append(line).Append('\n');
            if (builder.Length > 2 * KeptOutput)
            {
                builder.Remove(0, builder.Length - KeptOutput);
            }
        }
    }

    private static string Tail(string text, int chars = 6000) => text.Length <= chars ? text : "…" + text[^chars..];
}
