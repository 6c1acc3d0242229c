namespace SocialReport.Storage.LiteDb.Tests;

/// <summary>The delivery ledger writes through the store's one transaction helper, as every other store does.</summary>
public sealed class DeliveryLedgerTransactionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_broadcast_prepared_within_a_transaction_is_undone_with_it()
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);
        var ledger = new LiteDbDeliveryLedger(store, Options.Create(new DeliveryOptions()), TimeProvider.System);

        Assert.Throws<InvalidOperationException>(() => store.InTransaction<bool>(() =>
        {
            ledger.Prepare("2020-03-06", force: false, DeliveryMode.Edition, "test");
            throw new InvalidOperationException("the enclosing work fails");
        }));

        Assert.Empty(ledger.History(10));
        Assert.Equal("2020-03-06#1", ledger.Prepare("2020-03-06", force: false, DeliveryMode.Edition, "test").Id);
    }
}
