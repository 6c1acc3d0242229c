using SocialReport.Core.Delivery;

namespace SocialReport.Core.Tests.Delivery;

public class DeliveryOptionsValidatorTests
{
    private static readonly DeliveryOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid() => Assert.True(Validator.Validate(null, new DeliveryOptions { Schedule = "0 9 * * FRI" }).Succeeded);

    [Fact]
    public void Each_bad_setting_is_named()
    {
        var result = Validator.Validate(null, new DeliveryOptions
        {
            MaxConcurrency = 0,
            Schedule = "every friday",
            TimeZone = "Europe/Atlantis",
            Channels = { ["Teams"] = new ChannelPacingOptions { PerChat = "7 per second" } },
        });
        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, failure => failure.StartsWith("Delivery:MaxConcurrency", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("Delivery:Schedule", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("Delivery:TimeZone", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("Delivery:Teams:PerChat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void The_round_trip_credit_is_a_share_between_0_and_1(double share)
    {
        var result = Validator.Validate(null, new DeliveryOptions { Channels = { ["Telegram"] = new ChannelPacingOptions { RoundTripCredit = share } } });
        Assert.Equal(["Delivery:Telegram:RoundTripCredit must be in [0, 1]."], result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    public void Retention_is_between_a_day_and_ten_years(int days)
    {
        Assert.Equal(90, new DeliveryOptions().RetentionDays);
        var result = Validator.Validate(null, new DeliveryOptions { RetentionDays = days });
        Assert.Equal(["Delivery:RetentionDays must be between 1 and 3650."], result.Failures);
    }
}
