using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace SocialReport.Host.Web;

/// <summary>
/// The Data Protection keys in <see cref="WebOptions.KeysDirectory"/>, opened at first use: the options are read then,
/// after start-up has validated them, so that a bad setting still stops the host with its own one line.
/// </summary>
internal sealed class KeysFolder(IOptions<WebOptions> options, ILoggerFactory logs) : IXmlRepository
{
    private readonly Lazy<FileSystemXmlRepository> _folder = new(() =>
        new FileSystemXmlRepository(Directory.CreateDirectory(options.Value.KeysDirectory), logs));

    public IReadOnlyCollection<XElement> GetAllElements() => _folder.Value.GetAllElements();

    public void StoreElement(XElement element, string friendlyName) => _folder.Value.StoreElement(element, friendlyName);
}
