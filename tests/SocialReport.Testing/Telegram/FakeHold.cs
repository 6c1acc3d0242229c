namespace SocialReport.Testing.Telegram;

/// <summary>
/// A call the fake holds before answering (<see cref="FakeTelegramServer.HoldNext"/>): <see cref="Reached"/> completes
/// when the call arrives; it is answered once released, or never if the caller goes away first.
/// </summary>
public sealed class FakeHold(string method, long? chatId)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Method { get; } = method;

    public long? ChatId { get; } = chatId;

    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal async Task HoldAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }
}
