using SocialReport.Core.Delivery;

namespace SocialReport.Testing.Storage;

// Canaries (sample first, CanaryDone, then the rest), recalls (per-row state, durable) and story counts.
public abstract partial class DeliveryLedgerContract
{
    [Fact]
    public void A_canary_waits_in_CanaryDone_across_a_restart_then_its_confirmation_adds_only_the_missing_rows()
    {
        var canary = Ledger.PrepareCanary(Edition, false, DeliveryMode.Edition, "telegram:7", 10);
        Assert.Equal((10, false), (canary.CanaryPercent, canary.CanaryConfirmed));
        Ledger.FinishPreparing(canary.Id, Audience(2));
        SendAll(canary.Id);
        Assert.Equal(BroadcastState.CanaryDone, Ledger.CanaryDone(canary.Id)!.State);

        Reopen();
        var waiting = Ledger.Get(canary.Id)!;
        Assert.Equal((BroadcastState.CanaryDone, 10), (waiting.State, waiting.CanaryPercent));
        Assert.Empty(Ledger.Running());
        Assert.Equal(canary.Id, Ledger.RunningFor(Edition)!.Id);
        Assert.Throws<InvalidOperationException>(() => Ledger.Prepare(Edition, true, DeliveryMode.Edition, "telegram:7"));

        var confirmed = Ledger.ConfirmCanary(canary.Id)!;
        Assert.Equal((BroadcastState.Preparing, true), (confirmed.State, confirmed.CanaryConfirmed));
        Assert.Equal(BroadcastState.Running, Ledger.FinishPreparing(canary.Id, Audience(20)).State);
        Assert.Equal(new DeliveryCounts(18, 2, 0, 0, 0, 0), Ledger.Counts(canary.Id));
        Assert.Equal(20, Ledger.Rows(canary.Id).Select(row => row.Chat).Distinct().Count());
        // Confirmed: the end of this run completes it.
        Assert.Equal(BroadcastState.Running, Ledger.CanaryDone(canary.Id)!.State);
    }

    [Fact]
    public void A_waiting_canary_can_be_cancelled()
    {
        var canary = Ledger.PrepareCanary(Edition, false, DeliveryMode.Edition, "telegram:7", 5);
        Ledger.FinishPreparing(canary.Id, Audience(3));
        Ledger.CanaryDone(canary.Id);
        Assert.Equal(BroadcastState.Cancelled, Ledger.Cancel(canary.Id)!.State);
        Assert.Null(Ledger.RunningFor(Edition));
    }

    [Fact]
    public void Answers_recorded_in_a_batch_keep_every_message_id_of_their_delivery()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Cards, "telegram:7", Audience(3));
        var now = Time.GetUtcNow();
        var rows = Ledger.Due(broadcast.Id, "telegram", now, 10);
        Ledger.RecordAll([.. rows.Select(row => (row, (SendOutcome)new SendOutcome.Sent("c" + row.Chat.Id) { MessageIds = ["c" + row.Chat.Id, "s1", "s2"] }))], now);

        Reopen();
        Assert.All(Ledger.Rows(broadcast.Id), row => Assert.Equal(["c" + row.Chat.Id, "s1", "s2"], row.MessageIds));
    }

    [Fact]
    public void A_recall_keeps_each_rows_state_and_every_message_id_and_is_listed_until_finished_across_a_restart()
    {
        var broadcast = Ledger.Create(Edition, false, DeliveryMode.Cards, "telegram:7", Audience(3));
        var rows = Ledger.Due(broadcast.Id, "telegram", Time.GetUtcNow(), 10);
        foreach (var row in rows) Ledger.Record(row, new SendOutcome.Sent("1") { MessageIds = ["1", "2", "3"] }, Time.GetUtcNow());
        Ledger.Complete(broadcast.Id);
        Assert.Equal(BroadcastRecall.Running, Ledger.StartRecall(broadcast.Id)!.Recall);
        var first = Ledger.Row(broadcast.Id, rows[0].Chat)!;
        Assert.Equal(["1", "2", "3"], first.MessageIds);
        Ledger.RecordRecall(first, RecallState.TooOld, "sent over 48 hours ago", Time.GetUtcNow());

        Reopen();
        Assert.Equal(broadcast.Id, Assert.Single(Ledger.Recalling()).Id);
        var stored = Ledger.Rows(broadcast.Id);
        Assert.Equal(3, stored.Count);
        var recalled = stored.Single(row => row.Chat == rows[0].Chat);
        Assert.Equal((RecallState.TooOld, "sent over 48 hours ago", DeliveryState.Sent), (recalled.Recall, recalled.RecallError, recalled.State));
        Assert.All(stored.Where(row => row.Chat != rows[0].Chat), row => Assert.Equal(RecallState.None, row.Recall));
        Assert.Equal(BroadcastRecall.Done, Ledger.FinishRecall(broadcast.Id)!.Recall);
        Assert.Empty(Ledger.Recalling());
        Assert.Equal(BroadcastRecall.Done, Ledger.StartRecall(broadcast.Id)!.Recall);
    }

    [Fact]
    public void Story_taps_and_opens_are_counted_per_broadcast_and_story()
    {
        var counts = Backend.StoryCounts();
        counts.Add("2020-03-06#1", 2, StoryAction.Tap);
        counts.Add("2020-03-06#1", 2, StoryAction.Tap);
        counts.Add("2020-03-06#1", 2, StoryAction.Open);
        counts.Add("2020-03-06#1", 1, StoryAction.Open);
        counts.Add("2020-03-06#2", 1, StoryAction.Tap);

        Reopen();
        counts = Backend.StoryCounts();
        Assert.Equal([new StoryCount("2020-03-06#1", 1, 0, 1), new StoryCount("2020-03-06#1", 2, 2, 1)], counts.Of("2020-03-06#1"));
        Assert.Equal([new StoryCount("2020-03-06#2", 1, 1, 0)], counts.Of("2020-03-06#2"));
        Assert.Empty(counts.Of("2020-03-13#1"));
    }
}
