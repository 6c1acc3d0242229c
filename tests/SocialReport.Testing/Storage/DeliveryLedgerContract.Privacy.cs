using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

// Quiet hours (a row held until they end) and retention (rows of old broadcasts pruned, their counts kept).
public abstract partial class DeliveryLedgerContract
{
    [Fact]
    public void A_held_row_stays_pending_until_its_time_waits_and_survives_a_restart()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(3));
        var row = Ledger.Due(broadcast.Id, "telegram", Time.GetUtcNow(), 10)[0];
        var until = Time.GetUtcNow().AddHours(9);
        var held = Ledger.Hold(row, until, Time.GetUtcNow());
        Assert.Equal((DeliveryState.Pending, 0, until), (held.State, held.Attempts, held.NextAttemptAt));
        Assert.Equal(1, Ledger.Waiting(broadcast.Id, Time.GetUtcNow()));

        Reopen();
        Assert.Equal(2, Ledger.Due(broadcast.Id, "telegram", Time.GetUtcNow(), 10).Count);
        Assert.Equal(until, Ledger.Row(broadcast.Id, row.Chat)!.NextAttemptAt);
        Assert.Equal(1, Ledger.Waiting(broadcast.Id, Time.GetUtcNow()));
        Assert.Equal(new DeliveryCounts(3, 0, 0, 0, 0, 0), Ledger.Counts(broadcast.Id));
        Assert.Equal(0, Ledger.History(1)[0].Throttled);

        Time.Advance(TimeSpan.FromHours(9));
        Assert.Equal(3, Ledger.Due(broadcast.Id, "telegram", Time.GetUtcNow(), 10).Count);
        Assert.Equal(0, Ledger.Waiting(broadcast.Id, Time.GetUtcNow()));
    }

    [Fact]
    public void Pruning_deletes_the_rows_of_broadcasts_finished_before_the_limit_and_keeps_their_counts()
    {
        var old = Ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:7", Audience(4));
        SendAll(old.Id);
        var oldCounts = Ledger.Complete(old.Id)!.Final;
        Time.Advance(TimeSpan.FromDays(10));
        var recent = Ledger.Create("2020-03-13", false, DeliveryMode.Edition, "telegram:7", Audience(4));
        SendAll(recent.Id);
        Ledger.Complete(recent.Id);
        var running = Ledger.Create("2020-03-20", false, DeliveryMode.Edition, "telegram:7", Audience(4));
        Time.Advance(TimeSpan.FromDays(10));

        Assert.Equal(4, Ledger.Prune(Time.GetUtcNow() - TimeSpan.FromDays(15)));

        Assert.Null(Ledger.Row(old.Id, new ChatKey("telegram", "1000")));
        Assert.NotNull(Ledger.Row(recent.Id, new ChatKey("telegram", "1000")));
        Assert.Equal(4, Ledger.Counts(running.Id).Pending);
        Assert.Equal(oldCounts, Ledger.Get(old.Id)!.Final);
        Assert.Equal(0, Ledger.Prune(Time.GetUtcNow() - TimeSpan.FromDays(15)));
        // A running broadcast keeps its rows, however old.
        Assert.Equal(4, Ledger.Prune(Time.GetUtcNow().AddDays(1)));
        Assert.Equal(4, Ledger.Counts(running.Id).Pending);
    }
}
