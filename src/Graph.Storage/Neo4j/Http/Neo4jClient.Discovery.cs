using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Graph.Storage.Neo4j.Http;

internal sealed partial class Neo4jClient
{
    /// <summary>Asks the Query API itself for the version, where no discovery document answers (Aura documents none).</summary>
    private const string VersionStatement = "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition";

    /// <summary>
    /// Reads the discovery document at <c>GET /</c>: <c>neo4j_version</c>, <c>neo4j_edition</c>, a <c>query</c> key
    /// (<c>query_api</c> from 2026.09) when the Query API is on, a <c>transaction</c> key when the older endpoint is.
    /// The Query API is used from 5.26, which brought its explicit transactions; before that, the older endpoint. A
    /// server without a discovery document is asked through the Query API.
    /// </summary>
    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var root = await WithRetriesAsync(
            async ct =>
            {
                var response = await SendAsync(new Neo4jRequest(HttpMethod.Get, "/"), ct).ConfigureAwait(false);
                if (response.Status is 502 or 503 or 504)
                {
                    ThrowIfFailed(response);
                }
                return response;
            },
            cancellationToken).ConfigureAwait(false);
        if (root is { IsSuccess: true, Body: { ValueKind: JsonValueKind.Object } document }
            && Neo4jJson.Text(document, "neo4j_version") is { } version)
        {
            Choose(
                version,
                Neo4jJson.Text(document, "neo4j_edition") ?? "unknown",
                offersQueryApi: document.TryGetProperty("query", out _) || document.TryGetProperty("query_api", out _),
                offersTransactionalApi: document.TryGetProperty("transaction", out _));
            return;
        }
        await ProbeQueryApiAsync(root, cancellationToken).ConfigureAwait(false);
    }

    private async Task ProbeQueryApiAsync(Neo4jResponse root, CancellationToken cancellationToken)
    {
        var queryApi = new QueryApi(Settings.Database);
        var probe = await WithRetriesAsync(
            async ct =>
            {
                var response = await SendAsync(queryApi.AutoCommit(VersionStatement, null, []), ct).ConfigureAwait(false);
                if (response.Status is 401 or 502 or 503 or 504 || Neo4jJson.FirstError(response.Body) is not null)
                {
                    ThrowIfFailed(response);
                }
                return response;
            },
            cancellationToken).ConfigureAwait(false);
        var records = queryApi.Records(probe);
        if (!probe.IsSuccess || records is not { Rows.Count: > 0 } || Column(records, "version") is not { } version)
        {
            throw new GraphStoreException(
                $"{Address}: this does not look like a Neo4j server with its HTTP APIs on: {root}, and {probe}");
        }
        Choose(version, Column(records, "edition") ?? "unknown", offersQueryApi: true, offersTransactionalApi: false);
    }

    /// <summary>A text column of the first row, or null.</summary>
    private static string? Column(Neo4jRecords records, string name)
    {
        int index = records.Fields.ToList().IndexOf(name);
        var row = records.Rows[0];
        return index >= 0 && index < row.Count && row[index].ValueKind == JsonValueKind.String ? row[index].GetString() : null;
    }

    private void Choose(string version, string edition, bool offersQueryApi, bool offersTransactionalApi)
    {
        ServerVersion = version;
        ServerEdition = edition;
        if (offersQueryApi && HasQueryApiTransactions(version))
        {
            api = new QueryApi(Settings.Database);
        }
        else if (offersTransactionalApi)
        {
            api = new TransactionalHttpApi(Settings.Database);
        }
        else
        {
            throw new GraphStoreException(offersQueryApi
                ? $"{Address}: Neo4j {version} {edition} offers the Query API, but its explicit transactions came in 5.26, and the older "
                  + "transactional endpoint is switched off; upgrade, or add TRANSACTIONAL_ENDPOINTS to server.http_enabled_modules"
                : $"{Address}: Neo4j {version} {edition} offers neither the Query API nor the transactional HTTP endpoint; add "
                  + "QUERY_API_ENDPOINTS or TRANSACTIONAL_ENDPOINTS to server.http_enabled_modules");
        }
    }

    /// <summary>5.26 and later, calendar versions (2025.01 on) included; a version that does not parse counts as older.</summary>
    internal static bool HasQueryApiTransactions(string version)
    {
        var match = VersionPattern().Match(version);
        return match.Success
            && int.TryParse(match.Groups["major"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            && int.TryParse(match.Groups["minor"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int minor)
            && (major > 5 || (major == 5 && minor >= 26));
    }

    [GeneratedRegex(@"^(?<major>[0-9]+)\.(?<minor>[0-9]+)", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
