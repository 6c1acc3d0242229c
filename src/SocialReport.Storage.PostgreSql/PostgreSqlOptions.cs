using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace SocialReport.Storage.PostgreSql;

/// <summary>What the PostgreSQL store reads of the <c>Storage</c> section (the host's StorageOptions documents every key).</summary>
public sealed class PostgreSqlOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>An Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:ConnectionString is required when Storage:Provider is PostgreSql.", [nameof(ConnectionString)]);
            yield break;
        }
        string? error = null;
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword, never the string (it may hold a password).
            error = e.Message;
        }
        if (error is not null) yield return new ValidationResult($"Storage:ConnectionString is not an Npgsql connection string: {error}", [nameof(ConnectionString)]);
    }
}
