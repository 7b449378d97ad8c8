namespace Graph.Benchmarks;

/// <summary>The <c>--name value</c> options of the benchmark project's own commands (<c>corpus</c>, <c>store</c>).</summary>
internal static class CommandOptions
{
    /// <summary>
    /// Hands each option's value to the setter for its name. On a name with no setter, a missing value or one the
    /// setter refuses, says which option and the command's usage on <paramref name="stderr"/> and returns false.
    /// </summary>
    public static bool TryApply(
        string command, string usage, string[] args, IReadOnlyDictionary<string, Func<string?, bool>> setters, TextWriter stderr)
    {
        for (int i = 0; i < args.Length; i += 2)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            if (!setters.TryGetValue(args[i], out var set) || value is null || !set(value))
            {
                stderr.WriteLine($"{command}: bad or missing value for '{args[i]}'");
                stderr.WriteLine(usage);
                return false;
            }
        }
        return true;
    }
}
