using System.Globalization;
using System.Text;

namespace SocialReport.Core.Delivery;

/// <summary>
/// A broadcast's ledger rows as CSV (RFC 4180): every cell quoted when it holds a comma, a quote or a line break; a cell a
/// spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets a leading quote, but for
/// plain numbers (Telegram group ids are negative).
/// </summary>
public static class ReportCsv
{
    public const string Header = "broadcast,edition,channel,chat,kind,state,reason,attempts,updated_at,messages,recall,recall_reason";

    public static async Task WriteAsync(BroadcastRecord broadcast, IEnumerable<(DeliveryRow Row, string Kind)> rows, Stream output, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(Header + "\r\n").ConfigureAwait(false);
            foreach (var (row, kind) in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteAsync(Line(broadcast, row, kind)).ConfigureAwait(false);
            }
        }
    }

    public static string Line(BroadcastRecord broadcast, DeliveryRow row, string kind)
    {
        string[] cells =
        [
            broadcast.Id, broadcast.EditionId, row.Channel, row.Chat.Id, kind, row.State.ToString(), row.LastError ?? "",
            row.Attempts.ToString(CultureInfo.InvariantCulture), row.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            row.MessageIds.Count.ToString(CultureInfo.InvariantCulture), row.Recall == RecallState.None ? "" : row.Recall.ToString(), row.RecallError ?? "",
        ];
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !IsNumber(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static bool IsNumber(string value) =>
        value.Length > 1 && value[0] is '-' or '+' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
