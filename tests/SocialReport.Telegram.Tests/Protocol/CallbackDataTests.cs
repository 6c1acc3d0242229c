using System.Text;
using SocialReport.Telegram.Protocol;

namespace SocialReport.Telegram.Tests.Protocol;

public class CallbackDataTests
{
    private readonly MemoryCallbackStore _store = new();

    [Theory]
    [InlineData("/read 2020-03-06/2")]
    [InlineData("/cover 2020-03-06-2")]
    [InlineData("/full 2020-03-06/30")]
    public void Card_commands_travel_as_they_are(string command)
    {
        Assert.Equal(command, CallbackData.Encode(command, _store));
        Assert.Equal(command, CallbackData.Decode(command, _store));
        Assert.Equal(0, _store.Count);
    }

    [Theory]
    [InlineData("/topic réalité augmentée et marketing d’influence chez les géants du web 3")]
    [InlineData("/topic éééééééééééééééééééééééééééééééé")]
    [InlineData("no slash")]
    [InlineData("~looks like a token")]
    public void Other_commands_travel_as_a_short_token(string command)
    {
        var data = CallbackData.Encode(command, _store);

        Assert.StartsWith("~", data);
        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, CallbackData.MaxBytes);
        Assert.Equal(command, CallbackData.Decode(data, _store));
    }

    [Fact]
    public void A_command_of_exactly_64_bytes_still_fits()
    {
        var command = "/topic " + new string('a', 57);

        Assert.Equal(command, CallbackData.Encode(command, _store));
    }

    [Fact]
    public void The_same_command_gets_the_same_token()
    {
        var command = "/topic " + new string('x', 100);

        Assert.Equal(CallbackData.Encode(command, _store), CallbackData.Encode(command, _store));
        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public void Unknown_tokens_and_foreign_data_decode_to_nothing()
    {
        Assert.Null(CallbackData.Decode("~unknown", _store));
        Assert.Null(CallbackData.Decode("garbage", _store));
    }

    [Fact]
    public void Store_forgets_the_least_recently_used_beyond_capacity()
    {
        var small = new MemoryCallbackStore(capacity: 3);
        var a = small.Save("a");
        var b = small.Save("b");
        var c = small.Save("c");
        Assert.Equal("a", small.Load(a));

        var d = small.Save("d");

        Assert.Equal(3, small.Count);
        Assert.Null(small.Load(b));
        Assert.Equal(new[] { "a", "c", "d" }, new[] { small.Load(a), small.Load(c), small.Load(d) });
    }

    [Fact]
    public void Tokens_are_short_and_distinct()
    {
        var tokens = Enumerable.Range(0, 1000).Select(i => _store.Save($"/topic {i}")).ToList();

        Assert.Equal(1000, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.InRange(t.Length, 1, 32));
    }
}
