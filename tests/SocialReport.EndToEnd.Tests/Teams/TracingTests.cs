using System.Diagnostics;
using SocialReport.Testing.Teams;

namespace SocialReport.EndToEnd.Tests.Teams;

/// <summary>One trace from the connector's POST to /api/messages, through the command, to the reply posted back to the connector.</summary>
public sealed class TracingTests(FakeBotFramework botFramework) : TeamsBotTests(botFramework)
{
    [Fact]
    public async Task The_activity_request_the_command_and_the_reply_share_one_trace()
    {
        using var spans = new SpanRecorder();

        await _bot.SendAsync(TestActivities.PersonalMessage(Service, "/help"));

        // The listener hears every test: this one is the request whose trace holds a Teams /help and a call to this fake.
        var trace = await spans.WaitForAsync(all =>
        {
            foreach (var request in all.Where(span => span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore"))
            {
                var same = SpanRecorder.Of(all, request.TraceId).ToList();
                if (same.Any(span => span.OperationName == "command" && span.ParentSpanId == request.SpanId
                        && Equals(span.GetTagItem("socialreport.channel"), "teams") && Equals(span.GetTagItem("socialreport.command"), "help"))
                    && same.Any(span => span.Kind == ActivityKind.Client && (span.GetTagItem("url.full") as string ?? "").StartsWith(Service, StringComparison.Ordinal)))
                    return same;
            }
            return null;
        });

        Assert.Contains(trace, span => span.Kind == ActivityKind.Client);
    }
}
