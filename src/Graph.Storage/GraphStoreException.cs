namespace Graph.Storage;

/// <summary>A store cannot be opened or written: the message names the store and the problem.</summary>
public class GraphStoreException : Exception
{
    public GraphStoreException(string message)
        : base(message)
    {
    }

    public GraphStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public GraphStoreException()
    {
    }
}
