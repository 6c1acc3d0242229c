using System.Runtime.ExceptionServices;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// Runs small writes that many callers make at once (the inbox's, one or two per update received) in shared
/// transactions: the caller that finds no commit under way commits what is queued by then in one transaction, and the
/// callers arriving meanwhile queue for the next one, which the first of them commits. N writes at once then cost one
/// commit (one log write, one wait for LiteDB's locks) instead of N commits one after the other, each of which waits
/// behind a broadcast's ledger writes. Each call still returns only once its own write is committed; the asynchronous
/// one holds no thread while it waits its turn.
/// <para>
/// A write that throws makes LiteDB roll its whole transaction back, so writes must not catch LiteDB's errors; a batch
/// that fails is run again one write per transaction, so that a bad write fails alone. Never call it inside a
/// transaction of the calling thread: the batch would join it and be reported committed before it is.
/// </para>
/// </summary>
internal sealed class GroupCommit(LiteDbStore store)
{
    private readonly Lock _gate = new();
    private List<Write> _queued = [];
    private bool _committing;
    private int _pending, _commits;

    /// <summary>Writes asked for and not yet committed (or failed).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Transactions committed so far, however many writes each held.</summary>
    public int Commits => Volatile.Read(ref _commits);

    public T Run<T>(Func<T> work)
    {
        var write = Enqueue(work, out var leads);
        if (leads || write.Turn.Task.GetAwaiter().GetResult()) CommitQueued();
        return write.Result();
    }

    public async Task<T> RunAsync<T>(Func<T> work)
    {
        var write = Enqueue(work, out var leads);
        if (leads || await write.Turn.Task.ConfigureAwait(false)) CommitQueued();
        return write.Result();
    }

    private Write<T> Enqueue<T>(Func<T> work, out bool leads)
    {
        var write = new Write<T>(work);
        lock (_gate)
        {
            _queued.Add(write);
            _pending++;
            leads = !_committing;
            _committing = true;
        }
        return write;
    }

    /// <summary>Commits every write queued (the caller's among them), then hands the turn to the first write queued since.</summary>
    private void CommitQueued()
    {
        List<Write> batch;
        lock (_gate)
        {
            batch = _queued;
            _queued = [];
        }
        Commit(batch);
        Write? next;
        lock (_gate)
        {
            _pending -= batch.Count;
            next = _queued.Count > 0 ? _queued[0] : null;
            if (next is null) _committing = false;
        }
        foreach (var write in batch) write.Turn.TrySetResult(false);
        next?.Turn.TrySetResult(true);
    }

    private void Commit(List<Write> batch)
    {
        try
        {
            store.InTransaction(() =>
            {
                foreach (var write in batch) write.Execute();
                return batch.Count;
            });
            Interlocked.Increment(ref _commits);
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Rolled back as a whole: each again on its own, below.
        }
        catch (Exception e)
        {
            batch[0].Error = ExceptionDispatchInfo.Capture(e);
            return;
        }
        foreach (var write in batch)
        {
            try
            {
                store.InTransaction(() =>
                {
                    write.Execute();
                    return 1;
                });
                Interlocked.Increment(ref _commits);
            }
            catch (Exception e)
            {
                write.Error = ExceptionDispatchInfo.Capture(e);
            }
        }
    }

    private abstract class Write
    {
        /// <summary>True: this write's caller commits the next batch; false: its write was committed (or failed).</summary>
        public TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ExceptionDispatchInfo? Error { get; set; }
        public abstract void Execute();
    }

    private sealed class Write<T>(Func<T> work) : Write
    {
        private T? _result;

        public override void Execute() => _result = work();

        public T Result()
        {
            Error?.Throw();
            return _result!;
        }
    }
}
