namespace Graph.Worker.Tests.Support;

/// <summary>How long the tests wait for the worker: generous for a loaded two-core machine, never unbounded.</summary>
internal static class Limits
{
    /// <summary>From start to the first answer of /healthz.</summary>
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(30);

    /// <summary>From SIGTERM to exit, beyond the worker's own ShutdownGrace: the runtime's own exit.</summary>
    public static readonly TimeSpan ExitSlack = TimeSpan.FromSeconds(3);

    /// <summary>Loading <paramref name="files"/> files: graph build takes about 10 ms a file on two cores.</summary>
    public static TimeSpan Load(int files) => TimeSpan.FromSeconds(45 + files * 0.1);
}
