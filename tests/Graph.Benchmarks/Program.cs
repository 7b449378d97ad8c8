using BenchmarkDotNet.Running;

namespace Graph.Benchmarks;

/// <summary>
/// <c>corpus --out DIR (--documents N | --megabytes M) [--seed S]</c> writes a generated corpus; <c>store --corpus DIR
/// [--documents N] [--batch B]</c> times the embedded store alone on it (<see cref="StoreCommand"/>); anything else goes to
/// BenchmarkDotNet (<c>--filter '*Normal*'</c>, <c>--list flat</c>, <c>--job short</c>, …).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "corpus")
        {
            return CorpusCommand.Run(args[1..], Console.Out, Console.Error);
        }
        if (args.Length > 0 && args[0] == "store")
        {
            return StoreCommand.Run(args[1..], Console.Out, Console.Error);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ThroughputConfig.Create());
        return 0;
    }
}
