namespace Graph.Worker.Pipeline;

/// <summary>
/// Delays between attempts while the store is unavailable: doubling from RetryMin up to RetryMax, each drawn at
/// random from the upper half of its step, so that several workers that lost the same server do not all come back
/// at the same instant.
/// </summary>
internal sealed class Backoff(TimeSpan min, TimeSpan max)
{
    private int attempt;

    /// <summary>The delay before the next attempt; each call doubles the step, up to the ceiling.</summary>
    public TimeSpan Next()
    {
        double step = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        attempt++;
        // Jitter needs no cryptographic randomness.
        double jittered = step * (0.5 + (Random.Shared.NextDouble() / 2));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, min.TotalMilliseconds, max.TotalMilliseconds));
    }
}
