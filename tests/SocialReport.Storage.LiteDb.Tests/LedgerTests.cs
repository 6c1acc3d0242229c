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

    [Fact]
    public void A_broadcast_goes_out_in_the_order_its_rows_were_written_and_a_retry_goes_after_them()
    {
        // Not the chats' order nor their digests': the order the audience came in.
        var audience = Audience(300).Reverse().ToList();
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", audience);
        var first = Ledger.Due(broadcast.Id, "telegram", Time.GetUtcNow(), 300);
        Assert.Equal(audience, first.Select(row => row.Chat));

        Ledger.Record(first[0], new SendOutcome.Transient("timeout"), Time.GetUtcNow());
        Time.Advance(TimeSpan.FromMinutes(5));
        var again = Ledger.Due(broadcast.Id, "telegram", Time.GetUtcNow(), 300);
        Assert.Equal([.. audience.Skip(1), audience[0]], again.Select(row => row.Chat));
    }

    [Fact]
    public void Rows_written_with_the_earlier_due_key_are_still_due_in_the_same_range()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3));
        var rows = ((LiteDbBackend)Backend).Store.Database.GetCollection(RowDocuments.Collection);
        var old = rows.FindAll().First();
        // Before, the due key ended with a digest of the chat after the ticks.
        old[RowDocuments.DueKey] = old[RowDocuments.DueKey].AsString + "0123456789abcdef";
        rows.Update(old);

        Assert.Equal(3, Ledger.Due(broadcast.Id, "telegram", Time.GetUtcNow(), 10).Count);
        Assert.Equal(Time.GetUtcNow(), Ledger.NextAttemptAt(broadcast.Id, "telegram"));
    }
}
