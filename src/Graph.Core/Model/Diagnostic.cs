namespace Graph.Model;

/// <summary>
/// Something the extractor noticed but could not settle: an assumption it made, or text it could not read.
/// Diagnostics travel with the result; the extractor never throws on odd content.
/// </summary>
/// <param name="Code">A stable short code, such as <c>kind-assumed</c>.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="Start">Offset in the original text, where the diagnostic is about a place.</param>
/// <param name="Length">Length of that place.</param>
public sealed record Diagnostic(string Code, string Message, int? Start = null, int? Length = null);
