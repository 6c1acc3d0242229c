using SocialReport.Core.Readers;

namespace SocialReport.Testing.Storage;

public abstract partial class ChatStoreContract
{
    [Fact]
    public void Followed_topics_and_mode_round_trip_and_a_chat_without_them_gets_the_defaults()
    {
        var following = NewChat("teams", "a:follow") with { Topics = ["whatsapp", "Réseaux sociaux « 2020 »", "l’Europe"], Mode = TopicMode.Topics };
        var plain = NewChat("telegram", "77");
        _chats.Save(following);
        _chats.Save(plain);

        var stored = _chats.Get(following.Key)!;
        Assert.Equal(following.Topics, stored.Topics);
        Assert.Equal(TopicMode.Topics, stored.Mode);
        Assert.Equal(plain, _chats.Get(plain.Key));
        Assert.Equal((TopicMode.All, 0), (_chats.Get(plain.Key)!.Mode, _chats.Get(plain.Key)!.Topics.Count));
        Assert.Equal(following.Topics, _chats.Active("teams").Single().Topics);

        _chats.Save(stored with { Topics = [], Mode = TopicMode.All });
        Assert.Equal((TopicMode.All, 0), (_chats.Get(following.Key)!.Mode, _chats.Get(following.Key)!.Topics.Count));

        Assert.True(_chats.Rekey(following.Key, following.Key with { Id = "a:moved" }));
        _chats.Save(_chats.Get(following.Key with { Id = "a:moved" })! with { Topics = ["whatsapp"] });
        Assert.Equal(["whatsapp"], _chats.Get(following.Key with { Id = "a:moved" })!.Topics);
    }
}
