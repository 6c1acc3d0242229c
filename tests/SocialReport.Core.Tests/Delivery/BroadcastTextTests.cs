using SocialReport.Core.Commands;
using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public class BroadcastTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_plan_names_each_channel_that_is_off_with_the_subscribers_it_leaves_out()
    {
        var plan = new BroadcastPlan("2020-03-06", false, [new ChannelAudience("teams", 4, 1, 2, 0, 7)], TimeSpan.FromSeconds(1), null)
        {
            ChannelsOff = [new ChannelOff("telegram", 31)],
        };

        var en = BroadcastText.Plan(Phrases.For("en"), "6 March 2020", plan);
        var fr = BroadcastText.Plan(Phrases.For("fr"), "6 mars 2020", plan);

        Assert.Contains("teams: 4 private, 1 group, 2 channels; 0 already served, 7 to send\n\ntelegram is off: this broadcast leaves out 31 subscribed chats; a later /broadcast serves them once the channel is on.", en);
        Assert.Contains("teams : 4 privées, 1 groupe, 2 canaux ; 0 déjà servie, 7 à envoyer", fr);
        Assert.Contains("telegram est désactivé : cette diffusion laisse de côté 31 conversations abonnées", fr);
        Assert.DoesNotContain("off", BroadcastText.Plan(Phrases.For("en"), "6 March 2020", plan with { ChannelsOff = [] }));
    }

    [Theory]
    [InlineData("fr", 0, "0 envoi")]
    [InlineData("fr", 1, "1 envoi")]
    [InlineData("fr", 2, "2 envois")]
    [InlineData("en", 0, "0 sends")]
    [InlineData("en", 1, "1 send")]
    [InlineData("en", 2, "2 sends")]
    public void Counts_agree_with_their_number(string language, int count, string expected)
    {
        var plan = new BroadcastPlan("2020-03-06", false, [new ChannelAudience("teams", count, 0, 0, 0, count)], TimeSpan.FromSeconds(1), null);

        var text = BroadcastText.Plan(Phrases.For(language), "6 mars 2020", plan);

        Assert.Contains($": {expected},", text);
    }

    [Fact]
    public void With_everyone_served_it_says_so_and_how_to_send_again()
    {
        var plan = new BroadcastPlan("2020-03-06", false, [new ChannelAudience("telegram", 3, 1, 0, 4, 0)], TimeSpan.Zero, null);

        Assert.Equal("Nobody to send the edition of 6 March 2020 to: every subscribed chat already has it (4 already served). /broadcast 2020-03-06 force sends it to everyone again.",
            BroadcastText.Nobody(Phrases.En, "6 March 2020", plan));
        Assert.Equal("Personne à qui envoyer l’édition du 6 mars 2020 : aucune conversation n’est abonnée.",
            BroadcastText.Nobody(Phrases.Fr, "6 mars 2020", plan with { Channels = [new ChannelAudience("telegram", 0, 0, 0, 0, 0)] }));
    }

    [Fact]
    public void The_summary_counts_the_deliveries_not_sent()
    {
        var broadcast = new BroadcastRecord { Id = "2020-03-06#1", EditionId = "2020-03-06", RequestedBy = "teams:1", CreatedAt = Start, StartedAt = Start, FinishedAt = Start.AddSeconds(5), State = BroadcastState.Completed };

        var skipped = BroadcastProgress.Of(broadcast, new DeliveryCounts(0, 5, 0, 0, 0, 30), Start.AddSeconds(5));
        var none = BroadcastProgress.Of(broadcast, new DeliveryCounts(0, 5, 0, 0, 0, 0), Start.AddSeconds(5));

        Assert.EndsWith("sent 5 · failed 0 · blocked 0 · remaining 0 · 7.0/s · for 5 s · not sent 30 (unsubscribed or channel off)", BroadcastText.Progress(Phrases.For("en"), skipped));
        Assert.DoesNotContain("not sent", BroadcastText.Progress(Phrases.For("en"), none));
    }

    [Fact]
    public void The_status_says_how_many_wait_for_quiet_hours()
    {
        var broadcast = new BroadcastRecord { Id = "2020-03-06#1", EditionId = "2020-03-06", RequestedBy = "teams:1", CreatedAt = Start, StartedAt = Start, State = BroadcastState.Running };
        var progress = BroadcastProgress.Of(broadcast, new DeliveryCounts(3, 5, 0, 0, 0, 0), Start.AddSeconds(5)) with { Waiting = 2 };

        Assert.Contains("remaining 3 · 1.0/s · for 5 s · waiting 2 (quiet hours or a retry)", BroadcastText.Progress(Phrases.For("en"), progress));
        Assert.Contains("en attente 2 (heures calmes ou nouvel essai)", BroadcastText.Progress(Phrases.For("fr"), progress));
        Assert.DoesNotContain("waiting", BroadcastText.Progress(Phrases.For("en"), progress with { Waiting = 0 }));
    }
}
