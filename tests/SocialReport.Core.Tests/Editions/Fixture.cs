using Microsoft.Extensions.Time.Testing;
using SocialReport.Core.Editions;

namespace SocialReport.Core.Tests.Editions;

internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Imports a fixture as of a fixed day, so dates without a year resolve the same way every run.</summary>
    public static Edition Import(string name, EditionFormat? format = null) =>
        new EditionImporter(OutletCatalog.Default, new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero))).ImportFile(PathOf(name), format);
}
