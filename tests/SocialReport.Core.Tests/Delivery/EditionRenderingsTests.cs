using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public sealed class EditionRenderingsTests
{
    private readonly EditionRenderings<string> _renderings = new();
    private int _rendered;

    private string Render(EditionCut cut, string language, DeliveryMode mode) =>
        _renderings.GetOrRender(cut, language, mode, () => $"{language} {mode} {cut.GroupKey} #{++_rendered}");

    [Fact]
    public void Readers_alike_share_one_rendering()
    {
        var edition = SeedEdition.Build();

        var first = Render(EditionCut.Whole(edition), "fr", DeliveryMode.Edition);
        var second = Render(EditionCut.Whole(edition), "fr", DeliveryMode.Edition);
        var followed = Render(new EditionCut(edition, [2], FollowedOnly: false), "fr", DeliveryMode.Edition);
        var followedAgain = Render(new EditionCut(edition, [2], FollowedOnly: false), "fr", DeliveryMode.Edition);

        Assert.Same(first, second);
        Assert.Same(followed, followedAgain);
        Assert.Equal(2, _rendered);
    }

    [Fact]
    public void Language_mode_topics_and_edition_each_make_their_own()
    {
        var edition = SeedEdition.Build();
        var revised = edition with { Title = edition.Title + " (revised)" };

        string[] all =
        [
            Render(EditionCut.Whole(edition), "fr", DeliveryMode.Edition),
            Render(EditionCut.Whole(edition), "en", DeliveryMode.Edition),
            Render(EditionCut.Whole(edition), "fr", DeliveryMode.Cards),
            Render(new EditionCut(edition, [2], FollowedOnly: false), "fr", DeliveryMode.Edition),
            Render(new EditionCut(edition, [2], FollowedOnly: true), "fr", DeliveryMode.Edition),
            Render(new EditionCut(edition, [2, 3], FollowedOnly: true), "fr", DeliveryMode.Edition),
            Render(EditionCut.Whole(revised), "fr", DeliveryMode.Edition),
        ];

        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal(all.Length, _rendered);
    }
}
