using SocialReport.Core.Readers;

namespace SocialReport.Core.Delivery;

/// <summary>
/// The waiters of a <see cref="ChannelPacer"/> that wait for a moment (not for an answer). A waiter whose moment no
/// other's comes before "claims" it and sleeps on the clock until then; the others are deferred: their moment comes
/// after a claim, which will take the place they wait for or leave it. When no claim comes before the earliest
/// deferred waiter any more, it is woken and looks again (and claims its moment); a deferred waiter's moment is worked
/// out again before (a claim taking the place it waited for moves it to the next one). So a free
/// place wakes one waiter, at its moment, where every waiter used to wake for it, each a little late. Not thread-safe:
/// the pacer locks.
/// </summary>
internal sealed class PacerWaiters
{
    private readonly List<Waiter> _claims = [];
    private readonly List<Waiter> _deferred = [];

    /// <summary>A waiter for <paramref name="due"/>: a claim when no claim comes before it, else deferred.</summary>
    public Waiter Add(DateTimeOffset due, Chat chat, string? group, int messages)
    {
        var claims = !Covered(due);
        var waiter = new Waiter(due, claims, chat, group, messages);
        (claims ? _claims : _deferred).Add(waiter);
        return waiter;
    }

    /// <summary>The waiter looks again, or gave up; call <see cref="Cover"/> before leaving the lock.</summary>
    public void Remove(Waiter? waiter)
    {
        if (waiter is not null && !_claims.Remove(waiter)) _deferred.Remove(waiter);
    }

    /// <summary>
    /// Wakes the earliest deferred waiter, as a claim, when no claim comes before it any more. Its moment is worked out
    /// again first (<paramref name="dueOf"/>; <see cref="DateTimeOffset.MaxValue"/> when only an answer can make room,
    /// and then it is woken to wait for one):
    /// a claim that took the place it waited for moved it on, and a moment only ever moves later, so a waiter covered
    /// at its old moment is covered at its new one.
    /// </summary>
    public void Cover(Func<Waiter, DateTimeOffset> dueOf)
    {
        while (_deferred.Count > 0)
        {
            var first = _deferred.MinBy(waiter => waiter.Due)!;
            if (first.Due != DateTimeOffset.MaxValue && Covered(first.Due)) return;
            var due = dueOf(first);
            if (due > first.Due && due != DateTimeOffset.MaxValue)
            {
                first.Due = due;
                continue;
            }
            _deferred.Remove(first);
            _claims.Add(first);
            first.Wake();
        }
    }

    private bool Covered(DateTimeOffset due) => _claims.Exists(claim => claim.Due <= due);

    internal sealed class Waiter(DateTimeOffset due, bool claims, Chat chat, string? group, int messages)
    {
        private readonly TaskCompletionSource _woken = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset Due { get; set; } = due;

        public Chat Chat => chat;

        public string? Group => group;

        public int Messages => messages;

        /// <summary>It claimed its moment when added: it sleeps on the clock, not until <see cref="Woken"/>.</summary>
        public bool Claims => claims;

        public Task Woken => _woken.Task;

        public void Wake() => _woken.TrySetResult();
    }
}
