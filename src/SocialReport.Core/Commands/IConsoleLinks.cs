namespace SocialReport.Core.Commands;

/// <summary>Where the web console is: the host registers it when it knows its public address.</summary>
public interface IConsoleLinks
{
    /// <summary>The link that signs in with <paramref name="token"/>.</summary>
    Uri LoginLink(string token);
}
