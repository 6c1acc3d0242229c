using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialReport.Telegram.Tests;

public class TelegramOptionsTests
{
    private const string Token = "123456789:secret-part-of-the-token";

    private static TelegramOptions Valid => new() { BotToken = Token };

    private static string? Failure(TelegramOptions options) => new TelegramOptionsValidator().Validate(null, options).FailureMessage;

    [Fact]
    public void Without_a_token_the_adapter_is_off_and_nothing_else_is_checked()
    {
        var options = new TelegramOptions { Mode = TelegramMode.Webhook, ApiBaseUrl = "nonsense" };
        Assert.False(options.Enabled);
        Assert.Null(Failure(options));
    }

    [Fact]
    public void Defaults_are_polling_against_the_public_api()
    {
        Assert.Equal((TelegramMode.Polling, "https://api.telegram.org"), (Valid.Mode, Valid.ApiBaseUrl));
        Assert.True(Valid.Enabled);
        Assert.Null(Failure(Valid));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("abc:def")]
    [InlineData("123456789:")]
    [InlineData("123456789:has spaces")]
    public void A_malformed_token_is_refused_without_being_quoted(string token)
    {
        var failure = Failure(new TelegramOptions { BotToken = token });

        Assert.Equal("Telegram:BotToken must look like <digits>:<secret> as BotFather gives it", failure);
        Assert.DoesNotContain(token, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "s3cret", "Telegram:WebhookUrl must be an https address in Webhook mode")]
    [InlineData("http://bot.example/telegram/webhook", "s3cret", "Telegram:WebhookUrl must be an https address in Webhook mode")]
    [InlineData("https://bot.example/telegram/webhook", null, "Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - in Webhook mode")]
    [InlineData("https://bot.example/telegram/webhook", "has space", "Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - in Webhook mode")]
    [InlineData("https://bot.example/telegram/webhook", "", "Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - in Webhook mode")]
    public void Webhook_mode_needs_an_https_url_and_a_secret(string? url, string? secret, string expected)
    {
        var options = new TelegramOptions { BotToken = Token, Mode = TelegramMode.Webhook, WebhookUrl = url, WebhookSecret = secret };
        Assert.Equal(expected, Failure(options));
    }

    [Fact]
    public void A_good_webhook_configuration_passes_and_names_the_endpoint_path()
    {
        var options = new TelegramOptions
        {
            BotToken = Token,
            Mode = TelegramMode.Webhook,
            WebhookUrl = "https://bot.example/hooks/telegram?ignored=1",
            WebhookSecret = new string('a', 256),
        };
        Assert.Null(Failure(options));
        Assert.Equal("/hooks/telegram", options.WebhookPath);
        Assert.NotNull(Failure(new TelegramOptions { BotToken = Token, Mode = TelegramMode.Webhook, WebhookUrl = options.WebhookUrl, WebhookSecret = new string('a', 257) }));
    }

    [Fact]
    public async Task A_bad_configuration_stops_the_host_at_start_with_one_line()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection([new("Telegram:BotToken", "123:ok"), new("Telegram:Mode", "Webhook")]);
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            "Telegram:WebhookUrl must be an https address in Webhook mode; Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - in Webhook mode",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(TelegramMode.Webhook, "123:abc", 40 + 50)] // Telegram's 40 webhook connections at once (its default max_connections) and the 50 chats
    [InlineData(TelegramMode.Polling, "123:abc", 50)] // the chats alone: polling holds no request open
    [InlineData(TelegramMode.Webhook, "", 0)] // no bot, no inbound work
    public void Inbound_threads_count_the_webhook_connections_in_webhook_mode_and_the_chats_handled_at_once(TelegramMode mode, string token, int threads)
    {
        using var services = new ServiceCollection()
            .Configure<TelegramOptions>(o => (o.MaxConcurrentChats, o.Mode, o.BotToken) = (50, mode, token))
            .BuildServiceProvider();

        Assert.Equal(threads, services.InboundThreads());
    }
}
