namespace SocialReport.Core.Delivery;

/// <summary>Where the recall of a broadcast stands: its sent rows by what the recall did to them.</summary>
public sealed record RecallSummary(string BroadcastId, BroadcastRecall State, int Deleted, int TooOld, int NotFound, int Forbidden, int Failed, int Left)
{
    public int NotDeleted => TooOld + NotFound + Forbidden + Failed;

    public static RecallSummary Of(BroadcastRecord broadcast, IEnumerable<DeliveryRow> rows)
    {
        var sent = rows.Where(row => row.State == DeliveryState.Sent).GroupBy(row => row.Recall).ToDictionary(group => group.Key, group => group.Count());
        int Of(RecallState state) => sent.GetValueOrDefault(state);
        return new RecallSummary(broadcast.Id, broadcast.Recall, Of(RecallState.Deleted), Of(RecallState.TooOld), Of(RecallState.NotFound),
            Of(RecallState.Forbidden), Of(RecallState.Failed), Of(RecallState.None));
    }
}

/// <summary>Hears once of a recall's end (the editor's chat).</summary>
public interface IRecallObserver
{
    Task OnRecalledAsync(RecallSummary summary, CancellationToken cancellationToken);
}
