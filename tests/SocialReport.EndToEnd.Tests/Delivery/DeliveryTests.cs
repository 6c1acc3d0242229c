using Microsoft.Extensions.Time.Testing;
using SocialReport.EndToEnd.Tests.Delivery.Fakes;

namespace SocialReport.EndToEnd.Tests.Delivery;

/// <summary>
/// What the delivery tests run on: a ledger file of their own, a fake clock (Friday 27 November 2026, 9:00 in Paris,
/// unless told otherwise), and chats and editions in memory.
/// </summary>
public abstract class DeliveryTests(DateTimeOffset? now = null) : IDisposable
{
    protected const string Edition = "2020-03-06";
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    protected static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);
    protected readonly TempDirectory _directory = new();
    protected readonly FakeTimeProvider _time = new(now ?? new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    protected readonly MemoryChatStore _chats = new();
    protected readonly MemoryArchive _archive = new();

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
