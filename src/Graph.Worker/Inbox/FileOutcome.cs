namespace Graph.Worker.Inbox;

/// <summary>How the pipeline finished with a file, as it tells the scheduler.</summary>
internal enum FileOutcome
{
    /// <summary>Loaded into the store, its hash in the journal.</summary>
    Loaded,

    /// <summary>The journal holds it with the same content: nothing to do.</summary>
    Unchanged,

    /// <summary>It cannot be loaded and was moved to the failed folder.</summary>
    Failed,

    /// <summary>It cannot be loaded and could not be moved: it stays where it is, untouched until it changes.</summary>
    FailedInPlace,

    /// <summary>It changed while it was read: it is watched again until it is stable.</summary>
    Changed,

    /// <summary>It disappeared before it could be read.</summary>
    Vanished,
}
