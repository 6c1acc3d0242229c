using SocialReport.Core.Commands;
using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

/// <summary>Requests waiting for /confirm: the stores' and the memory one behave alike.</summary>
public abstract class BroadcastRequestContract(StorageBackend backend) : IDisposable
{
    protected static readonly ChatKey Editor = new("telegram", "5001");
    protected static readonly BroadcastRequest Request = new("2020-03-06", true, new DateTimeOffset(2020, 3, 6, 9, 10, 0, TimeSpan.Zero));

    protected StorageBackend Backend { get; } = backend;

    public void Dispose()
    {
        Backend.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void A_request_is_kept_per_chat_replaced_and_taken_once()
    {
        var requests = Backend.Requests();
        requests.Save(Editor, Request with { Force = false });
        requests.Save(Editor, Request);
        requests.Save(new ChatKey("teams", "5001"), Request with { EditionId = "2020-03-13" });

        Assert.Equal(Request, requests.Get(Editor));
        Assert.Equal(Request, requests.Take(Editor));
        Assert.Null(requests.Take(Editor));
        Assert.Null(requests.Get(Editor));
        Assert.Equal("2020-03-13", requests.Get(new ChatKey("teams", "5001"))?.EditionId);
    }

}

/// <summary>What the stores' requests do besides: they outlive the process, and only one taker gets a request.</summary>
public abstract class DurableBroadcastRequestContract(StorageBackend backend) : BroadcastRequestContract(backend)
{
    [Fact]
    public void The_stores_requests_outlive_the_process()
    {
        Backend.Requests().Save(Editor, Request);

        Backend.Reopen();

        Assert.Equal(Request, Backend.Requests().Take(Editor));
    }
}
