using System.Text.Json;
using SocialReport.Core.Cards;
using SocialReport.Telegram.Protocol;
using SocialReport.Telegram.Rendering;

namespace SocialReport.Telegram.Tests.Rendering;

public class TelegramEditionPreviewTests
{
    private readonly MemoryCallbackStore _callbacks = new();

    [Fact]
    public void Every_message_a_reader_can_get_is_previewed_as_the_sendMessage_payload()
    {
        var renderer = new TelegramCardRenderer(_callbacks);
        var edition = SeedEdition.Build();

        var messages = new TelegramEditionPreview(renderer).Render(edition, "fr");

        var expected = CardFactory.All(edition, "fr", TelegramCardRenderer.FullPartChars).SelectMany(card => renderer.Render(card).Select(m => (card.Kind, m))).ToList();
        Assert.Equal(expected.Count, messages.Count);
        Assert.Equal(expected.Select(e => e.Kind), messages.Select(m => m.Kind));
        Assert.Equal(["cover", "story", "story", "story", "story"], messages.Take(5).Select(m => m.Kind));
        for (var i = 0; i < messages.Count; i++)
        {
            var payload = messages[i].Payload;
            Assert.Equal(expected[i].m.Text, (string?)payload["text"]);
            Assert.Equal("HTML", (string?)payload["parse_mode"]);
            Assert.True((bool)payload["link_preview_options"]!["is_disabled"]!);
            if (expected[i].m.Keyboard is { } keyboard)
                Assert.Equal(JsonSerializer.Serialize(keyboard, JsonBotAPI.Options), payload["reply_markup"]!.ToJsonString(JsonBotAPI.Options));
            else
                Assert.False(payload.ContainsKey("reply_markup"));
        }
    }

    [Fact]
    public void The_cover_reads_as_plain_text_with_its_buttons_for_a_terminal()
    {
        var cover = new TelegramEditionPreview(new TelegramCardRenderer(_callbacks)).Render(SeedEdition.Build(), "en")[0];

        Assert.StartsWith("Social Report · 6 March 2020\n\n", cover.Text);
        Assert.DoesNotContain("<b>", cover.Text);
        Assert.EndsWith("\n[1] [2] [3] [4]\n[Read online]", cover.Text);
        Assert.Equal("/read 2020-03-06/1", (string?)cover.Payload["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]);
    }
}
