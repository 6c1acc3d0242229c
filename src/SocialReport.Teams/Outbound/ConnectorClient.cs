using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Identity.Client;
using SocialReport.Teams.Auth;
using SocialReport.Teams.Protocol;

namespace SocialReport.Teams.Outbound;

/// <summary>
/// The Bot Connector REST API, called at each conversation's own <c>serviceUrl</c> with the bot's token. Every
/// answer is mapped once to a <see cref="SendOutcome"/>; nothing here throws for a platform error.
/// </summary>
internal sealed class ConnectorClient(
    HttpClient http, ConnectorTokenProvider tokens, ServiceUrlAllowList serviceUrls, TimeProvider time, ILogger<ConnectorClient> logger)
{
    /// <summary>Answers in the conversation of <paramref name="replyToId"/> (a channel thread, a personal chat).</summary>
    public async Task<SendOutcome> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        var url = $"{Base(serviceUrl)}/v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}";
        var body = activity with { Conversation = new ConversationAccount { Id = conversationId }, ReplyToId = replyToId };
        return (await CallAsync(HttpMethod.Post, url, body, cancellationToken)).Outcome;
    }

    /// <summary>Deletes an activity the bot sent (<c>/recall</c>): Sent when it is gone.</summary>
    public async Task<SendOutcome> DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var url = $"{Base(serviceUrl)}/v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        return (await CallAsync(HttpMethod.Delete, url, null, cancellationToken)).Outcome;
    }

    /// <summary>A message at the end of a stored conversation (proactive).</summary>
    public async Task<SendOutcome> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var url = $"{Base(serviceUrl)}/v3/conversations/{Escape(conversationId)}/activities";
        var body = activity with { Conversation = new ConversationAccount { Id = conversationId } };
        return (await CallAsync(HttpMethod.Post, url, body, cancellationToken)).Outcome;
    }

    /// <summary>A new thread in a Teams channel, starting with <paramref name="activity"/>.</summary>
    public async Task<ConnectorResult<NewConversation>> CreateChannelThreadAsync(
        string serviceUrl, string teamsChannelId, string? tenantId, Activity activity, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            isGroup = true,
            channelData = new TeamsChannelData
            {
                Channel = new ChannelInfo { Id = teamsChannelId },
                Tenant = tenantId is null ? null : new TenantInfo(tenantId),
            },
            tenantId,
            activity,
        };
        var (outcome, answer) = await CallAsync(HttpMethod.Post, $"{Base(serviceUrl)}/v3/conversations", parameters, cancellationToken);
        if (outcome is not SendOutcome.Sent || answer is not { } json)
            return new(outcome, null);
        var id = StringOf(json, "id");
        if (id is null)
            return new(new SendOutcome.Transient("the connector created a conversation without an id"), null);
        var activityId = StringOf(json, "activityId");
        return new(new SendOutcome.Sent(activityId ?? id), new NewConversation(id, activityId));
    }

    /// <summary>Replaces a message the bot sent.</summary>
    public async Task<SendOutcome> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var url = $"{Base(serviceUrl)}/v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}";
        var body = activity with { Id = activityId, Conversation = new ConversationAccount { Id = conversationId } };
        var (outcome, _) = await CallAsync(HttpMethod.Put, url, body, cancellationToken);
        return outcome is SendOutcome.Sent { MessageId: "" } ? new SendOutcome.Sent(activityId) : outcome;
    }

    /// <summary>The channels of a team (the General channel's id is the team's id).</summary>
    public async Task<ConnectorResult<IReadOnlyList<TeamChannel>>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        var url = $"{Base(serviceUrl)}/v3/teams/{Escape(teamId)}/conversations";
        var (outcome, answer) = await CallAsync(HttpMethod.Get, url, null, cancellationToken);
        if (outcome is not SendOutcome.Sent || answer is not { } json)
            return new(outcome, null);
        var channels = new List<TeamChannel>();
        if (json.TryGetProperty("conversations", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && StringOf(item, "id") is { } id)
                    channels.Add(new TeamChannel(id, StringOf(item, "name")));
            }
        }
        return new(new SendOutcome.Sent(teamId), channels);
    }

    /// <summary>Delivers to a stored conversation: a new thread for a channel, a message for a personal or group chat.</summary>
    public async Task<SendOutcome> PostAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        if (reference.IsChannel && reference.TeamsChannelId is { } channel)
            return (await CreateChannelThreadAsync(reference.ServiceUrl, channel, reference.TenantId, activity, cancellationToken)).Outcome;
        return await SendAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
    }

    private async Task<(SendOutcome Outcome, JsonElement? Answer)> CallAsync(
        HttpMethod method, string url, object? body, CancellationToken cancellationToken)
    {
        // Checked on the very URL called, before a token is asked for: a refused conversation is never tried again.
        if (serviceUrls.Refusal(url) is { } refusal)
            return Failed(method, url, new SendOutcome.Rejected($"not sent: {refusal}"));

        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = new StringContent(TeamsJson.Serialize(body), Encoding.UTF8, "application/json");

        try
        {
            if (await tokens.GetTokenAsync(cancellationToken) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        catch (MsalServiceException e)
        {
            return Failed(method, url, e.StatusCode is 429 or >= 500 ? new SendOutcome.Transient($"token: {e.ErrorCode}") : new SendOutcome.Rejected($"token: {e.ErrorCode}: {e.Message}"));
        }
        catch (MsalClientException e)
        {
            return Failed(method, url, new SendOutcome.Transient($"token: {e.ErrorCode}"));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                return Failed(method, url, ConnectorErrors.Map(response.StatusCode, text, ConnectorErrors.RetryAfter(response, time)));
            var answer = ParseObject(text);
            return (new SendOutcome.Sent(answer is { } json ? StringOf(json, "id") ?? "" : ""), answer);
        }
        catch (HttpRequestException e)
        {
            return Failed(method, url, new SendOutcome.Transient($"connection: {e.Message}"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(method, url, new SendOutcome.Transient("timeout"));
        }
    }

    private (SendOutcome, JsonElement?) Failed(HttpMethod method, string url, SendOutcome outcome)
    {
        logger.TeamsConnectorCallFailed(method, url, outcome);
        return (outcome, null);
    }

    private static string Base(string serviceUrl) => serviceUrl.TrimEnd('/');

    /// <summary>Conversation ids hold <c>:</c>, <c>;</c>, <c>@</c> and <c>=</c>: each path segment is escaped whole.</summary>
    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static JsonElement? ParseObject(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
