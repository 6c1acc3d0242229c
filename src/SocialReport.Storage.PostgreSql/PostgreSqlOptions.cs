namespace SocialReport.Storage.PostgreSql;

/// <summary>What the PostgreSQL store reads of the <c>Storage</c> section (the host's StorageOptions documents every key).</summary>
public sealed class PostgreSqlOptions
{
    public const string SectionName = "Storage";

    /// <summary>An Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>A missing or malformed connection string stops the host with one line, which never shows the string (it may hold a password).</summary>
internal sealed class PostgreSqlOptionsValidator : IValidateOptions<PostgreSqlOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Storage:ConnectionString is required when Storage:Provider is PostgreSql.");
        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            // Npgsql names the bad keyword, not the value.
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not an Npgsql connection string: {e.Message}");
        }
    }
}
