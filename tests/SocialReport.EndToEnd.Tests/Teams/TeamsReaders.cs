using SocialReport.Core.Readers;
using SocialReport.Teams.Inbound;
using SocialReport.Teams.Protocol;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>A reader who installed the app in their personal scope, in one tenant.</summary>
internal sealed record TeamsReader(string ConversationId, string TenantId, string UserId, string AadObjectId)
{
    public ChatKey Key => new("teams", ConversationId);

    /// <summary>The conversationUpdate Teams sends when the app is installed for the reader.</summary>
    public Activity Install(string serviceUrl) => TestActivities.BotAddedPersonal(serviceUrl) with
    {
        From = new ChannelAccount { Id = UserId, Name = "Reader", AadObjectId = AadObjectId },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = TenantId },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo(TenantId) },
    };
}

/// <summary>Readers spread over tenants, with conversation ids shaped like Teams' (<c>a:1…</c>), drawn from a seed.</summary>
internal static class TeamsReaders
{
    private const string IdCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary><paramref name="count"/> readers; each tenant gets its share of them, interleaved as installs would come.</summary>
    public static IReadOnlyList<TeamsReader> Spread(int count, IReadOnlyList<(string TenantId, double Share)> tenants, int seed)
    {
        var random = new Random(seed);
        var readers = new List<TeamsReader>(count);
        var total = tenants.Sum(t => t.Share);
        for (var t = 0; t < tenants.Count; t++)
        {
            var share = t == tenants.Count - 1 ? count - readers.Count : (int)Math.Round(count * tenants[t].Share / total);
            for (var i = 0; i < share; i++)
                readers.Add(new TeamsReader("a:1" + Text(random, 40), tenants[t].TenantId, "29:1" + Text(random, 30), NewId(random)));
        }
        return [.. readers.OrderBy(_ => random.Next())];
    }

    /// <summary>A GUID (a tenant or Entra object id) drawn from <paramref name="random"/>.</summary>
    public static string NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    /// <summary>
    /// Subscribes the reader as the app's install does (<see cref="TeamsActivityHandler"/>: the conversation reference of
    /// the install activity, the language of its locale) without the welcome messages: for audiences too large to
    /// install one by one through <c>/api/messages</c>.
    /// </summary>
    public static void Subscribe(Subscriptions subscriptions, TeamsReader reader, string serviceUrl)
    {
        var install = reader.Install(serviceUrl);
        var reference = ConversationReference.FromActivity(install)!;
        subscriptions.Subscribe(reader.Key, ChatKind.Private, "fr", TeamsActivityHandler.InstallVia, TeamsActivityParser.ChatTitleOf(install), reference.ToJson());
    }

    private static string Text(Random random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = IdCharacters[r.Next(IdCharacters.Length)];
        });
}
