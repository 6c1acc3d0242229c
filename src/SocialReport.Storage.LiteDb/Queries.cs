namespace SocialReport.Storage.LiteDb;

/// <summary>
/// Index queries with their values as parameters. LiteDB 5's own helpers (<c>Query.EQ</c>, <c>Query.LTE</c>,
/// <c>Query.In</c>, <c>Query.And</c>…) write the value into the query's text, and LiteDB compiles each text it has
/// not seen into a method it keeps for the life of the process: one per chat, update or broadcast asked about, which
/// a host running for months never gets back (measured: 6 200 compiled methods 20 s into a 100 000-reader broadcast).
/// Here the text is the same for every value. <c>LiteDB.Query</c> is banned in this project (BannedSymbols.txt).
/// </summary>
internal static class Queries
{
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression AtMost(string field, BsonValue value) => BsonExpression.Create($"$.{field} <= @0", value);
}
