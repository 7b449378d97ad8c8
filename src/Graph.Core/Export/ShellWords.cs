namespace Graph.Export;

/// <summary>Quoting for the POSIX shell commands an export prints and writes to scripts.</summary>
internal static class ShellWords
{
    /// <summary>
    /// The word as it must be typed: unchanged when it holds only characters no shell treats specially,
    /// otherwise in single quotes, inside which nothing is special except the quote itself (written '\'').
    /// </summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        bool plain = word.Length > 0 && word.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '.' or '_' or '-' or '=' or '+' or ',' or ':');
        return plain ? word : "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }
}
