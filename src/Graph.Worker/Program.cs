using Graph.Worker.Monitoring;
using Graph.Worker.Inbox;
using Graph.Worker.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Graph.Worker;

/// <summary>
/// <c>graph-worker</c>: keeps the graph current as documents arrive in the inbox. Exit codes: 0 stopped (SIGTERM,
/// Ctrl+C); 1 it could not start (the health port taken) or stopped on an unexpected error; 2 the configuration
/// is invalid, with one line per problem on stderr and nothing done.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            // appsettings.json is read from beside the binary, wherever the worker is started from; relative paths
            // in the settings (the inbox, the store) are still taken from the working folder, as graph build takes them.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var problems = StrayArguments(args);
        var options = WorkerOptions.Read(builder.Configuration, problems);
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                await Console.Error.WriteLineAsync($"graph-worker: {problem}").ConfigureAwait(false);
            }
            return 2;
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownGrace);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        });
        // The host's own start and stop lines would repeat WorkerLog's.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<WorkerStatus>();
        services.AddSingleton<InboxLayout>();
        services.AddSingleton<FailedFolder>();
        services.AddSingleton<InboxScheduler>();
        services.AddSingleton<LoadedFileJournal>();
        services.AddSingleton<StoreSession>();
        services.AddSingleton<FileOutcomes>();
        services.AddSingleton<DocumentReader>();
        services.AddSingleton<BatchWriter>();
        // Started in this order, stopped in the reverse: the first walk of the inbox is done before the health
        // endpoint answers, and the pipeline stops (finishing its batch) before anything it uses.
        services.AddHostedService(s => s.GetRequiredService<InboxScheduler>());
        if (options.HealthUrl.Length > 0)
        {
            services.AddSingleton<HealthServer>();
            services.AddHostedService(s => s.GetRequiredService<HealthServer>());
        }
        services.AddHostedService<DocumentPipeline>();

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Graph.Worker");
        var status = host.Services.GetRequiredService<WorkerStatus>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => WorkerLog.Started(
            logger, options.Inbox, options.Failed, options.StoreAddress, options.Parallelism, options.BatchSize, options.BatchDelay,
            options.MaxFileBytes, options.StableFor, options.RescanInterval, options.RetryMin, options.RetryMax, options.ShutdownGrace,
            options.HealthUrl.Length > 0 ? options.HealthUrl : "off"));
        lifetime.ApplicationStopping.Register(() => WorkerLog.Stopping(logger, status.Queue));
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await Console.Error.WriteLineAsync($"graph-worker: cannot listen on Worker:HealthUrl {options.HealthUrl}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        await host.WaitForShutdownAsync().ConfigureAwait(false);
        WorkerLog.Stopped(logger, status.Loaded, status.Failed, status.Unchanged, status.Retried, status.References);
        return Environment.ExitCode;
    }

    /// <summary>
    /// Arguments the command-line configuration would drop without a word (<c>graph-worker inbox</c> instead of
    /// <c>--Worker:Inbox=inbox</c>), as problems. A key without '=' takes the next argument as its value, as there.
    /// </summary>
    private static List<string> StrayArguments(string[] args)
    {
        var stray = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }
            if (arg.StartsWith('-') || arg.StartsWith('/'))
            {
                i++;
                continue;
            }
            stray.Add($"unexpected argument '{arg}': settings are given as --Worker:Key=value (or Worker__Key in the environment)");
        }
        return stray;
    }
}
