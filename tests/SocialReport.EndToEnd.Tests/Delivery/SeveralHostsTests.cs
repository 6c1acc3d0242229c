using System.Globalization;
using SocialReport.Core.Delivery;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;
using SocialReport.Testing.Storage;

namespace SocialReport.EndToEnd.Tests.Delivery;

/// <summary>Two hosts on one PostgreSQL database: one sends a broadcast; when it dies, the other takes it over and finishes it.</summary>
public sealed class SeveralHostsTests : DeliveryTests, IClassFixture<PostgreSqlDatabase>
{
    private const int Subscribers = 200;
    private readonly string _connectionString;
    private readonly FakePlatform _telegram;

    public SeveralHostsTests(PostgreSqlDatabase database)
    {
        _connectionString = database.ConnectionString;
        _archive.Publish(MemoryArchive.Edition(Edition));
        _telegram = new FakePlatform("telegram", _time, seed: 7);
        for (var i = 0; i < Subscribers; i++) _chats.Save(TestChats.Subscriber("telegram", (5000 + i).ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_longest_wait_for_another_host_the_lease_allows_is_within_the_15_seconds_promised()
    {
        // The dead host renewed its lease just before dying; the others looked just before it ran out.
        var longest = BroadcastLease.Duration + BroadcastLease.RenewEvery;
        Assert.True(longest <= TimeSpan.FromSeconds(15), $"another host may wait {longest.TotalSeconds} s");
        Assert.True(BroadcastLease.RenewEvery * 3 <= BroadcastLease.Duration, "a renewal may fail twice before the lease runs out");
    }

    [Fact]
    public async Task When_the_sending_host_dies_the_other_takes_the_broadcast_over_within_the_lease_and_finishes_it()
    {
        var options = Deliveries.Defaults();
        var kill = new TaskCompletionSource();
        var killed = new TaskCompletionSource();
        var held = 0;
        // From the 73rd message on, the platform gets messages but the sender dies before hearing back.
        _telegram.OnReceived = async _ =>
        {
            if (_telegram.Received.Count <= 72 || killed.Task.IsCompleted) return;
            if (Interlocked.Increment(ref held) == options.MaxConcurrency) kill.TrySetResult();
            await killed.Task;
        };
        var finished = new RecordingObserver(_time);
        await using var sender = new SharedHost(_connectionString, _time, _chats, _archive, _telegram, options);
        await using var other = new SharedHost(_connectionString, _time, _chats, _archive, _telegram, options, finished);
        await sender.StartAsync();
        await other.StartAsync();

        DateTimeOffset killedAt;
        // Fake time at ten times the wall clock's pace, so that it does not race far ahead of the hosts' database calls.
        await using (new ClockDriver(_time, Step, every: Step / 10))
        {
            var start = await sender.Service.StartAsync(Edition, false, "telegram:1");
            await kill.Task.WaitAsync(Patience);
            killedAt = _time.GetUtcNow();
            sender.Kill();
            killed.SetResult();
            // Its run ends (the sends in flight come back and cannot be recorded); then it cannot even read its ledger.
            await Assert.ThrowsAsync<IOException>(() => sender.Service.WaitAsync(start.Broadcast.Id).WaitAsync(Patience));
            Assert.Equal(0, other.Sender.Calls);
            Assert.Equal(72 + options.MaxConcurrency, _telegram.ReceivedPerChat().Count);

            var end = await finished.Finished.Task.WaitAsync(Patience);
            Assert.Equal((BroadcastState.Completed, Subscribers), (end.State, end.Sent));
        }

        var received = _telegram.ReceivedPerChat();
        Assert.Equal(Subscribers, received.Count);
        Assert.InRange(received.Values.Sum(count => count - 1), 0, options.MaxConcurrency);
        Assert.Equal(Subscribers - 72 - options.MaxConcurrency, other.Sender.Calls - received.Values.Sum(count => count - 1));
        // The lease, last renewed by the dead host at most RenewEvery before its death, ran out after Duration; the other
        // host looks every RenewEvery (and a few seconds more for the database calls under load, while fake time runs on).
        var takenOver = _telegram.Received.Skip(72 + options.MaxConcurrency).Min(message => message.At);
        Console.WriteLine($"taken over {(takenOver - killedAt).TotalSeconds:0.0} s after the kill");
        Assert.InRange(takenOver - killedAt, BroadcastLease.Duration - BroadcastLease.RenewEvery, BroadcastLease.Duration + BroadcastLease.RenewEvery + TimeSpan.FromSeconds(5));
    }
}
