namespace SocialReport.Core.Inbox;

/// <summary>An update as an inbox keeps it, for copying a store into another: a null body is a completed update, remembered by its id.</summary>
public sealed record InboxRecord(string Source, string Id, string? Body, int Replays);
