namespace SocialReport.Delivery.Tests.Fakes;

internal sealed class TempFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"socialreport-delivery-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in new[] { Path, System.IO.Path.ChangeExtension(Path, null) + "-log.db", Path + ".lock" })
            if (File.Exists(file)) File.Delete(file);
    }
}
