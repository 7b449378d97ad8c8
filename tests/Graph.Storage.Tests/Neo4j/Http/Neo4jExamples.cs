namespace Graph.Storage.Tests.Neo4j.Http;

/// <summary>
/// Response bodies from Neo4j's documentation, for <see cref="ScriptedNeo4jServer"/>. Each names its page in the
/// documentation's repositories (neo4j/docs-query-api, neo4j/docs-http-api); where a page shows only the shape, the
/// body follows that shape and says so.
/// </summary>
internal static class Neo4jExamples
{
    /// <summary>The id and cluster affinity of the Query API's transaction example (docs-query-api, pages/transactions.adoc).</summary>
    public const string TransactionId = "lyU";

    public const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";

    public const string Bookmark = "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ";

    /// <summary>
    /// <c>GET /</c> (docs-query-api, pages/endpoints.adoc; docs-http-api, pages/discovery.adoc), with the version and
    /// edition given and the <c>query</c> and <c>transaction</c> keys present only when those APIs are on (as the server's
    /// CommunityDiscoverableURIs does, from server.http_enabled_modules).
    /// </summary>
    public static string Discovery(Uri server, string version, string edition, bool queryApi, bool transactional)
    {
        string root = server.ToString().TrimEnd('/');
        return "{\n"
            + "  \"bolt_routing\": \"neo4j://localhost:7687\",\n"
            + (queryApi ? $"  \"query\": \"{root}/db/{{databaseName}}/query/v2\",\n" : "")
            + (transactional ? $"  \"transaction\": \"{root}/db/{{databaseName}}/tx\",\n" : "")
            + "  \"bolt_direct\": \"bolt://localhost:7687\",\n"
            + $"  \"neo4j_version\": \"{version}\",\n"
            + $"  \"neo4j_edition\": \"{edition}\",\n"
            + "  \"auth_config\": {\"oidc_providers\": []}\n"
            + "}";
    }

    /// <summary>The answer to a statement that returns a node as <c>alice</c> (docs-query-api, pages/query.adoc).</summary>
    public const string QueryAlice = """
        {
          "data": {
            "fields": ["alice"],
            "values": [
              [
                {
                  "elementId": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                  "labels": ["Person"],
                  "properties": {"name": "Alice", "age": 42}
                }
              ]
            ]
          },
          "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"]
        }
        """;

    /// <summary>The answer that opens a transaction with its first statement (docs-query-api, pages/transactions.adoc).</summary>
    public const string OpenWithAlice = """
        {
          "data": {
            "fields": ["alice"],
            "values": [
              [
                {
                  "elementId": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                  "labels": ["Person"],
                  "properties": {"name": "Alice", "age": 42}
                }
              ]
            ]
          },
          "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"],
          "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}
        }
        """;

    /// <summary>The answer to a second statement in that transaction (docs-query-api, pages/transactions.adoc).</summary>
    public const string RunBob = """
        {
          "data": {
            "fields": ["bob"],
            "values": [
              [
                {
                  "elementId": "4:ff04df25-ff2b-4b55-98f8-6888297b034e:0",
                  "labels": ["Person"],
                  "properties": {"name": "Bob", "age": 43}
                }
              ]
            ]
          },
          "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"],
          "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}
        }
        """;

    /// <summary>
    /// A commit's answer. The page shows only its headers (202, the affinity); the body is the bookmarks, as the
    /// server's QueryController writes for a commit without a statement.
    /// </summary>
    public const string Committed = """{"bookmarks": ["FB:kcwQy9mp3ioyRom386bZDRRcuCSQ"]}""";

    public const string CommittedBookmark = "FB:kcwQy9mp3ioyRom386bZDRRcuCSQ";

    /// <summary>
    /// A 202 whose body starts as a result and ends with an error, as a streamed answer does when the statement fails
    /// after its first rows (docs-query-api, pages/streaming.adoc: "Error ... may appear at any point").
    /// </summary>
    public const string RowsThenError = """
        {
          "data": {
            "fields": ["n"],
            "values": [[1], [2]]
          },
          "errors": [
            {"code": "Neo.ClientError.Statement.ArithmeticError", "message": "/ by zero"}
          ]
        }
        """;

    /// <summary>Wrong credentials, answered with 401 (docs-query-api, pages/authentication-authorization.adoc).</summary>
    public const string Unauthorized = """
        {
          "errors" : [ {
            "code" : "Neo.ClientError.Security.Unauthorized",
            "message" : "Invalid username or password."
          } ]
        }
        """;

    /// <summary>An invalid statement (docs-http-api, pages/actions/handling-errors-in-an-open-transaction.adoc), also as the Query API's 400.</summary>
    public const string SyntaxError = """
        {
          "errors" : [ {
            "code" : "Neo.ClientError.Statement.SyntaxError",
            "message" : "Invalid input 'T': expected <init> (line 1, column 1 (offset: 0))\n\"This is not a valid Cypher Statement.\"\n ^"
          } ]
        }
        """;

    public static string Error(string code, string message) =>
        $$"""{"errors": [{"code": "{{code}}", "message": "{{message}}"}]}""";

    public static readonly string Deadlock = Error(
        "Neo.TransientError.Transaction.DeadlockDetected",
        "ForsetiClient[transactionId=12, clientId=3] can't acquire ExclusiveLock{owner=ForsetiClient[transactionId=11, clientId=2]} on NODE(4)");

    public static readonly string Terminated = Error(
        "Neo.TransientError.Transaction.Terminated",
        "The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. Explicitly terminated by the user.");

    /// <summary>The older API opening a transaction: 201, its URL in Location, a commit URL (docs-http-api, pages/actions/begin-a-transaction.adoc).</summary>
    public const string HttpBegin = """
        {
          "results" : [ {
            "columns" : [ "n" ],
            "data" : [ {
              "row" : [ {
                "name" : "My Node"
              } ],
              "meta" : [ {
                "id" : 11,
                "type" : "node",
                "deleted" : false
              } ]
            } ]
          } ],
          "errors" : [ ],
          "commit" : "http://localhost:7474/db/neo4j/tx/16/commit",
          "transaction" : {
            "expires" : "Mon, 20 Sep 2021 07:57:37 GMT"
          }
        }
        """;

    /// <summary>The older API running a statement in an open transaction (docs-http-api, pages/transactions.adoc), with the same id as above.</summary>
    public const string HttpRunAlice = """
        {
          "results": [ {
            "columns": ["n"],
            "data": [ {
              "row": [ {
                "name": "Alice",
                "age": 42
              } ],
              "meta": [ {
                "id": 36,
                "elementId": "4:0ea4a108-32c5-498c-99e7-95cc67ab5f7d:36",
                "type": "node",
                "deleted": false
              } ]
            } ]
          } ],
          "errors": [],
          "commit": "http://localhost:7474/db/neo4j/tx/16/commit",
          "transaction": {
            "expires": "Thu, 3 Aug 2023 11:45:20 GMT"
          }
        }
        """;

    /// <summary>The older API's commit with bookmarks (docs-http-api, pages/bookmarks.adoc).</summary>
    public const string HttpCommitted = """
        {
          "results" : [ ],
          "errors" : [ ],
          "lastBookmarks":  ["FB:kcwQy9mp3ioyRom386bZDRRcuCSQ"]
        }
        """;

    /// <summary>An invalid statement in an open transaction: 200 all the same (docs-http-api, pages/actions/handling-errors-in-an-open-transaction.adoc).</summary>
    public const string HttpSyntaxError = """
        {
          "results" : [ ],
          "errors" : [ {
            "code" : "Neo.ClientError.Statement.SyntaxError",
            "message" : "Invalid input 'T': expected <init> (line 1, column 1 (offset: 0))\n\"This is not a valid Cypher Statement.\"\n ^"
          } ],
          "commit" : "http://localhost:7474/db/neo4j/tx/16/commit"
        }
        """;

    /// <summary>The older API's rollback (docs-http-api, pages/actions/rollback-an-open-transaction.adoc).</summary>
    public const string HttpRolledBack = """
        {
          "results" : [ ],
          "errors" : [ ]
        }
        """;

    /// <summary>The older API's one-request transaction (docs-http-api, pages/actions/begin-and-commit-a-transaction-in-one-request.adoc).</summary>
    public const string HttpBeginAndCommit = """
        {
          "results" : [ {
            "columns" : [ "n" ],
            "data" : [ {
              "row" : [ { } ],
              "meta" : [ {
                "id" : 7,
                "type" : "node",
                "deleted" : false
              } ]
            } ]
          } ],
          "errors" : [ ]
        }
        """;
}
