namespace SocialReport.Storage.PostgreSql;

/// <summary>Short forms for parameterized commands: values converted once here (enums by name, instants in UTC, null as NULL).</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql) => new(sql, connection);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            DateTimeOffset instant => instant.ToUniversalTime(),
            Enum member => member.ToString(),
            _ => value,
        });
        return command;
    }

    public static int Execute(this NpgsqlCommand command)
    {
        using (command) return command.ExecuteNonQuery();
    }

    public static List<T> Read<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(map(reader));
            return rows;
        }
    }

    public static T? ReadFirst<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map) where T : class
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? map(reader) : null;
        }
    }

    public static T Scalar<T>(this NpgsqlCommand command)
    {
        using (command) return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? StringOrNull(this NpgsqlDataReader reader, string column) =>
        reader[column] is string text ? text : null;

    public static DateTimeOffset Instant(this NpgsqlDataReader reader, string column) =>
        reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal(column));

    public static DateTimeOffset? InstantOrNull(this NpgsqlDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.Instant(column);

    public static int? IntOrNull(this NpgsqlDataReader reader, string column) =>
        reader[column] is int number ? number : null;

    public static TEnum Enum<TEnum>(this NpgsqlDataReader reader, string column) where TEnum : struct, Enum =>
        System.Enum.Parse<TEnum>((string)reader[column]);

    /// <summary>PostgreSQL's unique_violation: another writer (maybe another host) got there first.</summary>
    public static bool IsUniqueViolation(this PostgresException e) => e.SqlState == PostgresErrorCodes.UniqueViolation;
}
