using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialReport.Core;
using SocialReport.Core.Cards;
using SocialReport.Core.Delivery;
using SocialReport.Core.Editions;
using SocialReport.Core.Readers;

namespace SocialReport.Host.Tests.Channels;

/// <summary>
/// A third channel written only here, as an adapter would be: a fax machine. It registers its sender, its preview
/// (which is also what <c>render --channel fax</c> prints) with its page budget, its pacing defaults and its editors' ids
/// the way the Telegram and Teams adapters register theirs, through the core's extension points alone.
/// </summary>
internal static class FaxChannel
{
    public const string Name = "fax";

    /// <summary>Characters on one fax page.</summary>
    public const int PageChars = 1500;

    public static ChannelSettings Settings { get; } = new(Name, "Fax")
    {
        PacingDefaults = () => new ChannelPacingOptions { MessagesPerSecond = 500, Burst = 50, PerChat = "1/1s" },
        EditorIdProblem = id => id.Length == 10 && id.All(char.IsAsciiDigit) ? null : "is not a fax number (10 digits).",
    };

    public static IServiceCollection AddFax(this IServiceCollection services, FaxMachine machine)
    {
        services.AddChannel(Settings);
        services.AddSingleton<IEditionSender>(new FaxSender(machine));
        services.AddSingleton<IEditionPreview, FaxPreview>();
        return services;
    }
}

/// <summary>The far end of the line: every page that reached a number.</summary>
internal sealed class FaxMachine
{
    private readonly ConcurrentQueue<(string Number, string EditionId)> _received = new();
    private readonly TaskCompletionSource _enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;

    public IReadOnlyCollection<(string Number, string EditionId)> Received => _received;

    public void Receive(string number, string editionId)
    {
        _received.Enqueue((number, editionId));
        if (_received.Count >= Volatile.Read(ref _expected)) _enough.TrySetResult();
    }

    /// <summary>Completes once <paramref name="count"/> editions arrived.</summary>
    public Task ReceivedAsync(int count)
    {
        Volatile.Write(ref _expected, count);
        if (_received.Count >= count) _enough.TrySetResult();
        return _enough.Task;
    }
}

internal sealed class FaxSender(FaxMachine machine) : IEditionSender
{
    public string Channel => FaxChannel.Name;

    public Task<SendOutcome> SendAsync(Chat chat, Edition edition, DeliveryMode mode, CancellationToken cancellationToken)
    {
        machine.Receive(chat.Key.Id, edition.Id);
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent(Guid.NewGuid().ToString("N")));
    }
}

/// <summary>Each card on a page of plain text, a long story over several.</summary>
internal sealed class FaxPreview : IEditionPreview
{
    private readonly PlainTextRenderer _renderer = new();

    public string Channel => FaxChannel.Name;

    public IReadOnlyList<PreviewMessage> Render(Edition edition, string language) =>
        [.. CardFactory.All(edition, language, FaxChannel.PageChars - 300).Select(card =>
        {
            var page = _renderer.Render(card);
            return new PreviewMessage(card.Kind, new JsonObject { ["page"] = page }, page);
        })];

    public (IReadOnlyList<Budget> Budgets, IReadOnlyList<string> Problems) Measure(JsonObject payload)
    {
        var page = new Budget("page", ((string?)payload["page"] ?? "").Length, FaxChannel.PageChars, "characters");
        return ([page], page.Over ? [string.Create(CultureInfo.InvariantCulture, $"The page is {page.Used} characters, over the {page.Limit} a fax page holds.")] : []);
    }
}
