using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Readers;

/// <summary>What a refused send does to the chat, the same after a broadcast and after a reply.</summary>
public class FailedSendTests
{
    private static readonly ChatKey Group = new("telegram", "-100");
    private readonly IChatStore chats = Substitute.For<IChatStore>();
    private readonly Subscriptions subscriptions;

    public FailedSendTests()
    {
        chats.Get(Group).Returns(new Chat
        {
            Key = Group,
            Kind = ChatKind.Group,
            Language = "fr",
            State = SubscriptionState.Active,
            SubscribedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        });
        subscriptions = new Subscriptions(chats, new FakeTimeProvider());
    }

    [Fact]
    public void Blocked_ends_the_subscription_as_blocked()
    {
        Assert.True(subscriptions.AfterFailedSend(Group, new SendOutcome.Blocked("bot was blocked by the user")));
        chats.Received(1).Save(Arg.Is<Chat>(c => c.Key == Group && c.State == SubscriptionState.Blocked));
        chats.DidNotReceiveWithAnyArgs().Rekey(default, default);
    }

    [Fact]
    public void Gone_ends_the_subscription_as_gone()
    {
        Assert.True(subscriptions.AfterFailedSend(Group, new SendOutcome.Gone("chat not found")));
        chats.Received(1).Save(Arg.Is<Chat>(c => c.Key == Group && c.State == SubscriptionState.Gone));
        chats.DidNotReceiveWithAnyArgs().Rekey(default, default);
    }

    [Fact]
    public void Moved_moves_the_chat_to_its_new_id()
    {
        var supergroup = Group with { Id = "-1001234" };
        chats.Rekey(Group, supergroup).Returns(true);

        Assert.True(subscriptions.AfterFailedSend(Group, new SendOutcome.Moved("-1001234")));
        chats.Received(1).Rekey(Group, supergroup);
        chats.DidNotReceiveWithAnyArgs().Save(default!);
    }

    public static TheoryData<SendOutcome> Others() =>
    [
        new SendOutcome.Sent("42"),
        new SendOutcome.Rejected("message is too long"),
        new SendOutcome.Transient("timeout"),
        new SendOutcome.RetryAfter(TimeSpan.FromSeconds(3)),
    ];

    [Theory]
    [MemberData(nameof(Others))]
    public void Anything_else_leaves_the_chat_alone(SendOutcome outcome)
    {
        Assert.False(subscriptions.AfterFailedSend(Group, outcome));
        chats.DidNotReceiveWithAnyArgs().Save(default!);
        chats.DidNotReceiveWithAnyArgs().Rekey(default, default);
    }
}
