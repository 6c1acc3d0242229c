using Telegram.Bot.Types;

namespace SocialReport.Telegram.Inbound;

/// <summary>What the worker runs for each update; a seam so that the worker's ordering can be tested alone.</summary>
internal interface ITelegramUpdateHandler
{
    Task HandleAsync(Update update, CancellationToken cancellationToken);
}
