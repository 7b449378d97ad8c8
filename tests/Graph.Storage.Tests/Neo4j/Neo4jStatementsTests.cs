using Graph.Model;
using Graph.Storage.Neo4j;
using Graph.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>The Cypher the Neo4j store sends, as read from its embedded <c>.cypher</c> files.</summary>
public sealed class Neo4jStatementsTests
{
    [Fact]
    public void Finding_a_node_looks_it_up_under_every_label_of_the_model()
    {
        string find = Neo4jStatements.Get("find-nodes");

        Assert.All(NodeLabels.All, label => Assert.Contains($":{label} {{id: key}})", find, StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholders_become_escaped_labels_and_types_and_none_is_left()
    {
        string relabel = Neo4jStatements.For("relabel-nodes", NodeLabel.Document, NodeLabel.Resolution);
        string relationships = Neo4jStatements.For("write-relationships", NodeLabel.Resolution, "TAKES_NOTE_OF", NodeLabel.Document);

        Assert.Contains("MATCH (n:`Document` {id: id})", relabel, StringComparison.Ordinal);
        Assert.Contains("SET n:`Resolution`", relabel, StringComparison.Ordinal);
        Assert.Contains("MERGE (a)-[r:`TAKES_NOTE_OF`]->(b)", relationships, StringComparison.Ordinal);
        Assert.DoesNotContain("__", relabel + relationships, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backtick_in_a_name_cannot_end_the_escaped_identifier() =>
        Assert.Equal("`A``) DETACH DELETE (n`", Neo4jStatements.Escape("A`) DETACH DELETE (n"));

    [Fact]
    public void The_schema_is_the_shared_constraints_then_the_bookkeeping_indexes_all_idempotent()
    {
        var schema = Neo4jStatements.Schema;

        Assert.Equal(GraphSchema.Statements, schema.Take(GraphSchema.Statements.Count));
        Assert.Contains(schema, s => s.Contains("FOR (c:GraphClaim) ON (c.node)", StringComparison.Ordinal));
        Assert.All(schema, s => Assert.Contains(" IF NOT EXISTS ", s, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_statement_name_is_an_error_naming_it() =>
        Assert.Contains("'no-such'", Assert.Throws<KeyNotFoundException>(() => Neo4jStatements.Get("no-such")).Message, StringComparison.Ordinal);
}
