using System.Threading.Channels;

namespace SocialReport.Core.Delivery;

/// <summary>
/// Records a broadcast's answers through one writer: the answers that arrive while a commit runs go together in the
/// next one (<see cref="IDeliveryLedger.RecordAll"/>), so sends in flight wait for their row without each taking the
/// store's lock and committing alone. A send still goes on only once its row is written: the crash guarantees of
/// <see cref="BroadcastRunner"/> hold as they were.
/// </summary>
internal sealed class LedgerWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly IDeliveryLedger _ledger;
    private readonly TimeProvider _time;
    private readonly Channel<Answer> _answers = Channel.CreateUnbounded<Answer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;

    public LedgerWriter(IDeliveryLedger ledger, TimeProvider time)
    {
        _ledger = ledger;
        _time = time;
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>Completes once the answer is in the ledger; fails with what the ledger threw.</summary>
    public Task<DeliveryRow> RecordAsync(DeliveryRow row, SendOutcome outcome)
    {
        var answer = new Answer(row, outcome, new TaskCompletionSource<DeliveryRow>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_answers.Writer.TryWrite(answer)) answer.Written.SetException(new ObjectDisposedException(nameof(LedgerWriter)));
        return answer.Written.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _answers.Writer.TryComplete();
        await _writing.ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Answer>(MaxBatch);
        while (await _answers.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _answers.Reader.TryRead(out var answer)) batch.Add(answer);
            try
            {
                var rows = _ledger.RecordAll([.. batch.Select(a => (a.Row, a.Outcome))], _time.GetUtcNow());
                for (var i = 0; i < batch.Count; i++) batch[i].Written.SetResult(rows[i]);
            }
            catch (Exception e)
            {
                foreach (var answer in batch) answer.Written.SetException(e);
            }
            batch.Clear();
        }
    }

    private sealed record Answer(DeliveryRow Row, SendOutcome Outcome, TaskCompletionSource<DeliveryRow> Written);
}
