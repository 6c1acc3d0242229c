using SocialReport.Storage.LiteDb;
using SocialReport.Storage.PostgreSql;

namespace SocialReport.Host;

internal static class StorageServices
{
    /// <summary>
    /// The store <c>Storage:Provider</c> names: LiteDB (the default: a file, no server) or PostgreSQL (a server several
    /// hosts can share). Any other value is refused by <see cref="StorageOptions"/>' validation, at start or when a
    /// verb first opens the store.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        if (new StorageOptions { Provider = provider ?? StorageOptions.LiteDb }.UsesPostgreSql)
        {
            builder.AddStorageOptions();
            builder.AddPostgreSqlStorage();
            return builder;
        }
        return builder.AddLiteDbStorage();
    }
}
