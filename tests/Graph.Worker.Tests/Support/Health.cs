using System.Net;
using System.Text.Json.Nodes;

namespace Graph.Worker.Tests.Support;

/// <summary>
/// One answer of <c>GET /healthz</c>: the HTTP status and the JSON body the contract names, kept as raw text too
/// for diagnostics. Counters are since the worker started.
/// </summary>
internal sealed record Health(
    HttpStatusCode Code,
    string Status,
    string StoreAddress,
    bool StoreReachable,
    string InboxPath,
    bool InboxReadable,
    long Queue,
    long Loaded,
    long Failed,
    long Unchanged,
    long Retried,
    long References,
    string Body)
{
    /// <summary>Reads the body; a missing or mistyped field fails the test with the body in the message.</summary>
    public static Health Parse(HttpStatusCode code, string body)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("not a JSON object");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new Xunit.Sdk.XunitException($"/healthz answered {(int)code} with a body that is not the contract's JSON object ({e.Message}):\n{body}");
        }
        try
        {
            return new Health(
                code,
                (string)json["status"]!,
                (string)json["store"]!["address"]!,
                (bool)json["store"]!["reachable"]!,
                (string)json["inbox"]!["path"]!,
                (bool)json["inbox"]!["readable"]!,
                (long)json["queue"]!,
                (long)json["loaded"]!,
                (long)json["failed"]!,
                (long)json["unchanged"]!,
                (long)json["retried"]!,
                (long)json["references"]!,
                body);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new Xunit.Sdk.XunitException($"/healthz answered {(int)code} with JSON that lacks a field of the contract or has the wrong type ({e.Message}):\n{body}");
        }
    }

    public override string ToString() => $"{(int)Code} {Body}";
}
