namespace Graph.Extraction;

/// <summary>
/// Finds one kind of reference in normalised text and adds candidates to the context. Recognisers never
/// throw on content: text they do not understand yields nothing, or a diagnostic.
/// </summary>
internal abstract class Recogniser
{
    public abstract void Recognise(ExtractionContext context);
}
