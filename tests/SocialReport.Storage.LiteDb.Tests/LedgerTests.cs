namespace SocialReport.Storage.LiteDb.Tests;

public sealed class LedgerTests() : DeliveryLedgerContract(new LiteDbBackend())
{
    [Fact]
    public void Due_rows_and_counts_are_read_off_indexes()
    {
        var ledger = (LiteDbDeliveryLedger)Ledger;
        var broadcast = ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(20));
        var due = ledger.DueQuery(broadcast.Id, "telegram", Time.GetUtcNow(), 5).GetPlan();
        Assert.Equal("$.due", due["index"]["expr"].AsString);
        Assert.False(due.ContainsKey("orderBy"), due.ToString());

        var count = ledger.StateCountQuery(broadcast.Id, "telegram", DeliveryState.Pending).GetPlan();
        Assert.Equal("index", count["lookup"]["loader"].AsString);
        Assert.Equal("$.stateKey", count["index"]["expr"].AsString);
    }
}
