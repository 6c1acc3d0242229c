using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Readers;

/// <summary>What a refused send does to the chat, the same after a broadcast and after a reply.</summary>
public class FailedSendTests
{
    private static readonly ChatKey Group = new("telegram", "-100");
    private readonly IChatStore _chats = Substitute.For<IChatStore>();
    private readonly Subscriptions _subscriptions;

    public FailedSendTests()
    {
        _chats.Get(Group).Returns(new Chat
        {
            Key = Group,
            Kind = ChatKind.Group,
            Language = "fr",
            State = SubscriptionState.Active,
            SubscribedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        });
        _subscriptions = new Subscriptions(_chats, new FakeTimeProvider());
    }

    [Fact]
    public void Blocked_ends_the_subscription_as_blocked()
    {
        Assert.True(_subscriptions.AfterFailedSend(Group, new SendOutcome.Blocked("bot was blocked by the user")));
        _chats.Received(1).Save(Arg.Is<Chat>(c => c.Key == Group && c.State == SubscriptionState.Blocked));
        _chats.DidNotReceiveWithAnyArgs().Rekey(default, default);
    }

    [Fact]
    public void Gone_ends_the_subscription_as_gone()
    {
        Assert.True(_subscriptions.AfterFailedSend(Group, new SendOutcome.Gone("chat not found")));
        _chats.Received(1).Save(Arg.Is<Chat>(c => c.Key == Group && c.State == SubscriptionState.Gone));
        _chats.DidNotReceiveWithAnyArgs().Rekey(default, default);
    }

    [Fact]
    public void Moved_moves_the_chat_to_its_new_id()
    {
        var supergroup = Group with { Id = "-1001234" };
        _chats.Rekey(Group, supergroup).Returns(true);

        Assert.True(_subscriptions.AfterFailedSend(Group, new SendOutcome.Moved("-1001234")));
        _chats.Received(1).Rekey(Group, supergroup);
        _chats.DidNotReceiveWithAnyArgs().Save(default!);
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
        Assert.False(_subscriptions.AfterFailedSend(Group, outcome));
        _chats.DidNotReceiveWithAnyArgs().Save(default!);
        _chats.DidNotReceiveWithAnyArgs().Rekey(default, default);
    }
}
