namespace SocialReport.Storage.PostgreSql;

/// <summary>A chat's data across the tables, found by its id.</summary>
public sealed class PostgreSqlReaderData(PostgreSqlStore store) : IReaderData
{
    public int Deliveries(ChatKey chat) =>
        store.Command("SELECT count(*)::integer FROM delivery_rows WHERE channel = @channel AND chat_id = @id")
            .With("channel", chat.Channel).With("id", chat.Id).Scalar<int>();

    public bool Erase(ChatKey chat) => store.InTransaction(connection =>
    {
        var key = chat.ToString();
        var erased = connection.Command("DELETE FROM chats WHERE channel = @channel AND chat_id = @id")
            .With("channel", chat.Channel).With("id", chat.Id).Execute();
        erased += connection.Command("DELETE FROM broadcast_requests WHERE chat = @key").With("key", key).Execute();
        // The rows' states stay under random ids (DeliveryRules.Anonymous), so that broadcast counts stay right.
        erased += connection.Command("""
            UPDATE delivery_rows SET chat_id = @erased || '-' || replace(gen_random_uuid()::text, '-', ''), message_id = NULL, message_ids = NULL,
                last_error = CASE WHEN state = 'Pending' THEN @erased END,
                state = CASE WHEN state = 'Pending' THEN 'Skipped' ELSE state END
            WHERE channel = @channel AND chat_id = @id
            """).With("erased", DeliveryRules.Erased).With("channel", chat.Channel).With("id", chat.Id).Execute();
        erased += connection.Command("UPDATE delivery_broadcasts SET requested_by = @erased WHERE requested_by = @key")
            .With("erased", DeliveryRules.Erased).With("key", key).Execute();
        erased += connection.Command("UPDATE delivery_schedules SET requested_by = @erased WHERE requested_by = @key")
            .With("erased", DeliveryRules.Erased).With("key", key).Execute();
        return erased > 0;
    });
}
