using System.Runtime.ExceptionServices;

namespace SocialReport.Storage.LiteDb;

/// <summary>
/// Runs small writes that many threads make at once (the inbox's, one or two per update received) in shared
/// transactions: the caller that finds no commit under way commits what is queued by then in one transaction, and the
/// callers arriving meanwhile queue for the next one, which the first of them commits. N writes at once then cost one
/// commit (one log write, one wait for LiteDB's locks) instead of N commits one after the other, each of which waits
/// behind a broadcast's ledger writes. Each call still returns only once its own write is committed.
/// <para>
/// A write that throws makes LiteDB roll its whole transaction back, so writes must not catch LiteDB's errors; a batch
/// that fails is run again one write per transaction, so that a bad write fails alone. Never call <see cref="Run{T}"/>
/// inside a transaction of the calling thread: the batch would join it and be reported committed before it is.
/// </para>
/// </summary>
internal sealed class GroupCommit(LiteDbStore store)
{
    private readonly object _gate = new();
    private List<Write> _queued = [];
    private bool _committing;
    private int _pending, _commits;

    /// <summary>Writes asked for and not yet committed (or failed).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Transactions committed so far, however many writes each held.</summary>
    public int Commits => Volatile.Read(ref _commits);

    public T Run<T>(Func<T> work)
    {
        var write = new Write<T>(work);
        lock (_gate)
        {
            _queued.Add(write);
            _pending++;
            if (!_committing) _committing = write.Leads = true;
            while (!write.Done && !write.Leads) Monitor.Wait(_gate);
        }
        if (!write.Done) CommitQueued();
        return write.Result();
    }

    /// <summary>Commits every write queued (its own among them), then hands the turn to the first write queued since.</summary>
    private void CommitQueued()
    {
        List<Write> batch;
        lock (_gate)
        {
            batch = _queued;
            _queued = [];
        }
        Commit(batch);
        lock (_gate)
        {
            foreach (var write in batch) write.Done = true;
            _pending -= batch.Count;
            if (_queued.Count > 0) _queued[0].Leads = true;
            else _committing = false;
            Monitor.PulseAll(_gate);
        }
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
        public bool Leads { get; set; }
        public bool Done { get; set; }
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
