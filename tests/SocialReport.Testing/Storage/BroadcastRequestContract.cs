using SocialReport.Core.Commands;
using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>Requests waiting for /confirm: the store's and the memory one behave alike; the store's outlive the process.</summary>
public sealed class BroadcastRequestStoreTests : IDisposable
{
    private static readonly ChatKey Editor = new("telegram", "5001");
    private static readonly BroadcastRequest Request = new("2020-03-06", true, new DateTimeOffset(2020, 3, 6, 9, 10, 0, TimeSpan.Zero));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("litedb")]
    public void A_request_is_kept_per_chat_replaced_and_taken_once(string kind)
    {
        using var store = new LiteDbStore(_dir.DatabaseFile);
        IBroadcastRequestStore requests = kind == "memory" ? new MemoryBroadcastRequestStore() : new LiteDbBroadcastRequestStore(store);
        requests.Save(Editor, Request with { Force = false });
        requests.Save(Editor, Request);
        requests.Save(new ChatKey("teams", "5001"), Request with { EditionId = "2020-03-13" });

        Assert.Equal(Request, requests.Get(Editor));
        Assert.Equal(Request, requests.Take(Editor));
        Assert.Null(requests.Take(Editor));
        Assert.Null(requests.Get(Editor));
        Assert.Equal("2020-03-13", requests.Get(new ChatKey("teams", "5001"))?.EditionId);
    }

    [Fact]
    public void The_stores_requests_outlive_the_process()
    {
        using (var store = new LiteDbStore(_dir.DatabaseFile))
            new LiteDbBroadcastRequestStore(store).Save(Editor, Request);

        using var reopened = new LiteDbStore(_dir.DatabaseFile);
        Assert.Equal(Request, new LiteDbBroadcastRequestStore(reopened).Take(Editor));
    }
}
