using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public sealed class ProgressTallyTests
{
    [Fact]
    public async Task Counts_read_while_answers_move_rows_always_add_up_to_the_audience()
    {
        var tally = new ProgressTally(new DeliveryCounts(Pending: 200, Sent: 0, Failed: 0, Blocked: 0, Gone: 0, Skipped: 0));
        // Answers on another thread, as the ledger's writer gives them: rows go to sent, and (to go on) back.
        var mover = Task.Run(() =>
        {
            for (var i = 0; i < 2_000_000; i++)
            {
                tally.Moved(DeliveryState.Pending, DeliveryState.Sent);
                tally.Moved(DeliveryState.Sent, DeliveryState.Pending);
            }
        });

        var reads = 0;
        while (!mover.IsCompleted || reads == 0)
        {
            Assert.Equal(200, tally.Counts.Total);
            reads++;
        }
        await mover;
        Assert.True(reads > 0);
    }
}
