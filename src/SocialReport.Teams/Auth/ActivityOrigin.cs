using SocialReport.Teams.Protocol;

namespace SocialReport.Teams.Auth;

/// <summary>Where an activity says it comes from: checked, with its token, before anything else of it is used.</summary>
/// <param name="TenantIds">Every tenant the activity names (<c>channelData.tenant.id</c>, <c>conversation.tenantId</c>).</param>
internal sealed record ActivityOrigin(string ChannelId, string ServiceUrl, IReadOnlyList<string> TenantIds)
{
    public static ActivityOrigin Of(Activity? activity) => new(
        activity?.ChannelId ?? "",
        activity?.ServiceUrl ?? "",
        [.. new[] { activity?.ChannelData?.Tenant?.Id, activity?.Conversation?.TenantId }.OfType<string>().Where(t => t.Length > 0).Distinct()]);
}
