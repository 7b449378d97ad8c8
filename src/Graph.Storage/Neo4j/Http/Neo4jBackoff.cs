namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// How long to wait before another attempt: exponential growth from <see cref="Base"/> up to <see cref="Cap"/>, with
/// full jitter (a uniform draw below that bound), so that clients that failed together do not retry together.
/// </summary>
internal sealed record Neo4jBackoff(TimeSpan Base, TimeSpan Cap)
{
    public static Neo4jBackoff Default { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan Delay(int attempt)
    {
        double bound = Math.Min(Cap.TotalMilliseconds, Base.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * bound);
    }
}
