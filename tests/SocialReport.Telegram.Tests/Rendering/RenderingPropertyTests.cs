using System.Text;
using CsCheck;
using SocialReport.Core.Cards;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;

namespace SocialReport.Telegram.Tests.Rendering;

public class RenderingPropertyTests
{
    private static string Shown(string text) => TelegramHtml.VisibleText(TelegramHtml.Escape(text));

    [Fact]
    public void Every_message_of_every_card_of_any_edition_is_valid_and_within_limits() =>
        HostileText.Edition.Check(edition =>
        {
            var callbacks = new MemoryCallbackStore();
            var renderer = new TelegramCardRenderer(callbacks);

            foreach (var card in CardFactory.All(edition, edition.Language, TelegramCardRenderer.FullPartChars))
            {
                var messages = renderer.Render(card);

                Assert.NotEmpty(messages);
                foreach (var message in messages)
                {
                    Assert.Null(TelegramHtml.Validate(message.Text));
                    Assert.InRange(TelegramHtml.VisibleLength(message.Text), 1, TelegramCardRenderer.MaxMessageLength);
                    Assert.False(string.IsNullOrWhiteSpace(TelegramHtml.VisibleText(message.Text)));
                }
                Assert.All(messages.SkipLast(1), m => Assert.Null(m.Keyboard));

                var commands = card.Actions.SelectMany(r => r).Select(a => a.Command).OfType<string>().ToHashSet();
                foreach (var button in messages[^1].Keyboard?.InlineKeyboard.SelectMany(r => r) ?? [])
                {
                    Assert.InRange(button.Text.Length, 1, CardBudgets.ButtonLabel.Max + 1);
                    if (button.CallbackData is { } data)
                    {
                        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, CallbackData.MaxBytes);
                        Assert.Contains(CallbackData.Decode(data, callbacks) ?? "(unknown token)", commands);
                    }
                    else
                    {
                        Assert.StartsWith("https://", button.Url);
                    }
                }

                if (card is StoryPartCard part)
                {
                    var number = part.Parts > 1 ? $"({part.Part}/{part.Parts})" : "";
                    var expected = HostileText.Squeeze(Shown(part.Headline) + number + Shown(part.Text));
                    Assert.Equal(
                        expected.Length == 0 ? TextCutter.Ellipsis : expected,
                        HostileText.Squeeze(string.Concat(messages.Select(m => TelegramHtml.VisibleText(m.Text)))));
                }
            }
        }, iter: 40);
}
