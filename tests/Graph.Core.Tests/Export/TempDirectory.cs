namespace Graph.Tests.Export;

/// <summary>A fresh directory under the system's temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string name = "")
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"graph-export-tests-{Guid.NewGuid():N}");
        Path = name.Length == 0 ? Root : System.IO.Path.Combine(Root, name);
    }

    /// <summary>The directory to export into; not created, as the exporter must create it.</summary>
    public string Path { get; }

    private string Root { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
