namespace Graph.Storage;

/// <summary>
/// The store cannot be reached at all (a server down, a network fault), as opposed to refusing one batch: no
/// document is to blame, so a caller stops or waits rather than trying the documents one by one.
/// </summary>
public class GraphStoreUnavailableException : GraphStoreException
{
    public GraphStoreUnavailableException(string message)
        : base(message)
    {
    }

    public GraphStoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GraphStoreUnavailableException()
    {
    }
}
