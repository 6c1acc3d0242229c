using SocialReport.Core.Editions;

namespace SocialReport.Core.Cards;

/// <summary>
/// What one reader gets of a broadcast edition: the numbers of the stories about the topics they follow, and whether
/// they get only those (<see cref="Readers.TopicMode.Topics"/>) or the whole edition with those first.
/// </summary>
public sealed record EditionCut(Edition Edition, IReadOnlyList<int> Followed, bool FollowedOnly)
{
    public static EditionCut Whole(Edition edition) => new(edition, [], FollowedOnly: false);

    /// <summary>A reader who wants only their topics, and none is in this edition: nothing to send.</summary>
    public bool IsEmpty => FollowedOnly && Followed.Count == 0;

    /// <summary>The story numbers in the order the cover lists them: the followed first, then (unless only those) the rest.</summary>
    public IReadOnlyList<int> Numbers => FollowedOnly
        ? Followed
        : [.. Followed, .. Enumerable.Range(1, Edition.Stories.Count).Except(Followed)];

    /// <summary>What tells one group of readers from another: readers with equal keys get the same cards.</summary>
    public string GroupKey => $"{(FollowedOnly ? "only" : "all")}:{string.Join(',', Followed)}";
}
