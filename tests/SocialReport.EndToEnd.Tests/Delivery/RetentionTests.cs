using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;

namespace SocialReport.EndToEnd.Tests.Delivery;

public sealed class RetentionTests : DeliveryTests
{
    private static readonly ChatKey Reader = new("telegram", "5000");

    [Fact]
    public async Task Rows_go_once_their_broadcast_finished_more_than_the_retention_ago_on_the_clock_and_counts_stay()
    {
        await using var deliveries = new Deliveries(_directory.DatabaseFile, _time, _chats, _archive, [new FakePlatform("telegram", _time)]);
        var ledger = deliveries.Ledger;
        var broadcast = ledger.Create(Edition, false, DeliveryMode.Edition, "telegram:1", [Reader, new ChatKey("telegram", "5001")]);
        foreach (var row in ledger.Due(broadcast.Id, "telegram", _time.GetUtcNow(), 10)) ledger.Record(row, new SendOutcome.Sent("1"), _time.GetUtcNow());
        var final = ledger.Complete(broadcast.Id)!.Final;
        using var retention = new LedgerRetention(ledger, Options.Create(new DeliveryOptions { RetentionDays = 90 }), _time, NullLogger<LedgerRetention>.Instance);

        _time.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, retention.Prune());
        Assert.NotNull(ledger.Row(broadcast.Id, Reader));

        await retention.StartAsync(CancellationToken.None);
        await Task.Run(async () =>
        {
            while (ledger.Row(broadcast.Id, Reader) is not null)
            {
                _time.Advance(LedgerRetention.Every);
                await Task.Yield();
            }
        }).WaitAsync(Patience);
        await retention.StopAsync(CancellationToken.None);

        Assert.Equal(final, ledger.Get(broadcast.Id)!.Final);
        Assert.Equal(final, deliveries.Service.History(1).Single().Counts);
    }
}
