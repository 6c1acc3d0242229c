using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Delivery;

/// <summary>Answers recorded through one writer: those that arrive during a commit go together in the next, in order.</summary>
public sealed class LedgerWriterTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 3, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly IDeliveryLedger _ledger = Substitute.For<IDeliveryLedger>();
    private readonly List<IReadOnlyList<string>> _commits = [];

    private static DeliveryRow Row(int chat) => new()
    {
        BroadcastId = "b1",
        Chat = new ChatKey("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        NextAttemptAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task Answers_that_arrive_during_a_commit_go_together_in_the_next_one_in_order()
    {
        var firstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim();
        _ledger.RecordAll(default!, default).ReturnsForAnyArgs(call =>
        {
            var answers = call.Arg<IReadOnlyList<(DeliveryRow Row, SendOutcome Outcome)>>();
            lock (_commits) _commits.Add([.. answers.Select(a => a.Row.Chat.Id)]);
            firstCommit.TrySetResult();
            release.Wait(Guard);
            return [.. answers.Select(a => a.Row with { State = DeliveryState.Sent })];
        });
        await using var writer = new LedgerWriter(_ledger, _time);

        var first = writer.RecordAsync(Row(1), new SendOutcome.Sent("m1"));
        await firstCommit.Task.WaitAsync(Guard);
        var later = Enumerable.Range(2, 3).Select(chat => writer.RecordAsync(Row(chat), new SendOutcome.Sent($"m{chat}"))).ToList();
        release.Set();
        var rows = await Task.WhenAll([first, .. later]).WaitAsync(Guard);

        Assert.Equal([["1"], ["2", "3", "4"]], _commits);
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => r.Chat.Id));
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task A_commit_that_fails_fails_each_of_its_answers_and_the_writer_goes_on()
    {
        var calls = 0;
        _ledger.RecordAll(default!, default).ReturnsForAnyArgs(call =>
            Interlocked.Increment(ref calls) == 1
                ? throw new IOException("disk full")
                : [.. call.Arg<IReadOnlyList<(DeliveryRow Row, SendOutcome Outcome)>>().Select(a => a.Row)]);
        await using var writer = new LedgerWriter(_ledger, _time);

        var failed = await Assert.ThrowsAsync<IOException>(() => writer.RecordAsync(Row(1), new SendOutcome.Sent("m1")).WaitAsync(Guard));
        var next = await writer.RecordAsync(Row(2), new SendOutcome.Sent("m2")).WaitAsync(Guard);

        Assert.Equal("disk full", failed.Message);
        Assert.Equal("2", next.Chat.Id);
    }
}
