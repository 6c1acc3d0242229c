using SocialReport.Core.Delivery;
using SocialReport.Core.Readers;

namespace SocialReport.Core.Tests.Delivery;

public sealed class ReportCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-1+cmd", "'-1+cmd")]
    [InlineData("-1001234", "-1001234")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Cells_are_quoted_and_formulas_defused(string value, string cell) => Assert.Equal(cell, ReportCsv.Cell(value));

    [Fact]
    public void A_line_holds_every_field_of_a_row()
    {
        var now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var broadcast = BroadcastRecord.Preparing("2020-03-06", 1, false, DeliveryMode.Edition, "telegram:1", null, now);
        var row = new DeliveryRow
        {
            BroadcastId = broadcast.Id, Chat = new ChatKey("telegram", "-100"), State = DeliveryState.Failed, Attempts = 2,
            LastError = "=cmd, \"quoted\"", NextAttemptAt = now, UpdatedAt = now, Recall = RecallState.TooOld, RecallError = "old",
        };
        Assert.Equal("2020-03-06#1,2020-03-06,telegram,-100,group,Failed,\"'=cmd, \"\"quoted\"\"\",2,2026-12-01T08:00:00Z,0,TooOld,old\r\n",
            ReportCsv.Line(broadcast, row, "group"));
        Assert.Equal(12, ReportCsv.Header.Split(',').Length);
    }

    [Fact]
    public void A_canary_sample_is_exactly_the_rounded_share_and_the_same_for_the_same_broadcast()
    {
        var audience = Enumerable.Range(0, 2000).Select(i => new ChatKey("telegram", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var sample = CanarySample.Of("2020-03-06#1", audience, 5);
        Assert.Equal(100, sample.Count);
        Assert.Equal(sample, CanarySample.Of("2020-03-06#1", Enumerable.Reverse(audience), 5));
        Assert.NotEqual(sample, CanarySample.Of("2020-03-06#2", audience, 5));
        Assert.Equal(1, CanarySample.Size(10, 5));
        Assert.Equal(0, CanarySample.Size(9, 5));
    }
}
