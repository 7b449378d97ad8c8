using Graph.Model;
using Graph.Text;

namespace Graph.Storage.Tests.Support;

/// <summary>
/// The five seed documents of the repository, each extracted once and shared by every test (document graphs are
/// immutable). They are filed under their full paths.
/// </summary>
internal static class Seeds
{
    /// <summary>A/RES/68/72 in Chinese, 协助地雷行动: recalls 66/69.</summary>
    public const string MineAction68Zh = "000_59d55c22d464376a.txt";

    /// <summary>A/RES/62/99 in Chinese only, 协助地雷行动: recalls 60/97.</summary>
    public const string MineAction62Zh = "001_288b78ee34da7524.txt";

    /// <summary>A/RES/68/72 in English, "Assistance in mine action".</summary>
    public const string MineAction68En = "002_1bb7a33e0cfe5e8b.txt";

    /// <summary>A/RES/75/62 in Chinese, 《集束弹药公约》的执行情况: recalls six resolutions.</summary>
    public const string ClusterMunitions75Zh = "003_095821b4652e7130.txt";

    /// <summary>A/RES/69/60 in Chinese, 以实际裁军措施巩固和平: recalls twelve resolutions and a decision, cites A/55/985-S/2001/574.</summary>
    public const string PracticalDisarmament69Zh = "004_cb93285871e651a5.txt";

    /// <summary>Every seed, in ordinal order of its name.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [MineAction68Zh, MineAction62Zh, MineAction68En, ClusterMunitions75Zh, PracticalDisarmament69Zh];

    private static readonly Lazy<Dictionary<string, DocumentGraph>> Graphs = new(
        () => Names.ToDictionary(name => name, name => Documents.FromFile(Path(name)), StringComparer.Ordinal));

    /// <summary>Every seed's graph, in ordinal order of the names.</summary>
    public static IReadOnlyList<DocumentGraph> All => [.. Names.Select(Graph)];

    public static string Path(string name) => Repository.Path("seeds", name);

    public static DocumentGraph Graph(string name) => Graphs.Value[name];

    /// <summary>The decoded text of a seed, to copy or correct.</summary>
    public static string Text(string name) =>
        TextDecoder.TryDecode(File.ReadAllBytes(Path(name)), out string? error) ?? throw new InvalidOperationException($"{name}: {error}");
}
