namespace SocialReport.Core.Commands;

/// <summary>
/// An editor as one string, <c>channel:id</c> (<c>telegram:12345</c>, <c>teams:&lt;Entra object id&gt;</c>): what broadcasts
/// record as requested by, and who the web console's session belongs to.
/// </summary>
public static class EditorId
{
    public static string Of(string channel, string senderId) => $"{channel}:{senderId}";

    /// <summary>Whether the allow-list of the id's channel still names it.</summary>
    public static bool IsListed(EditorsOptions editors, string editorId)
    {
        var colon = editorId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && editors.IsEditor(editorId[..colon], editorId[(colon + 1)..]);
    }
}
