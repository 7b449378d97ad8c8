using System.Diagnostics;

namespace Graph.Worker.Tests.Support;

/// <summary>
/// Another real process (python3's sqlite3) holding an exclusive lock on a SQLite file until released, as a
/// backup tool or a careless admin would: while it holds it, no one else can write the file.
/// </summary>
internal sealed class StoreLock : IAsyncDisposable
{
    private const string Script = """
        import sqlite3, sys
        c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
        c.execute('BEGIN EXCLUSIVE')
        print('locked', flush=True)
        sys.stdin.read()
        c.execute('ROLLBACK')
        c.close()
        """;

    private readonly Process process;

    private StoreLock(Process process) => this.process = process;

    /// <summary>Starts the holder and returns once it has the lock (it waits up to a minute for writers to finish).</summary>
    public static async Task<StoreLock> AcquireAsync(string file)
    {
        var start = new ProcessStartInfo("python3")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-c", Script, file },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var holder = new StoreLock(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "locked")
        {
            await holder.DisposeAsync();
            throw new Xunit.Sdk.XunitException($"python3 could not lock {file}: {line}\n{await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
        }
        return holder;
    }

    /// <summary>Rolls back and ends the holder, which frees the file.</summary>
    public async Task ReleaseAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }
        process.Dispose();
    }
}
