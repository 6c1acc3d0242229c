namespace SocialReport.Host.Tests.Benchmark;

/// <summary>A measurement, not a test: skipped unless <c>SOCIALREPORT_BENCHMARK=1</c>.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SOCIALREPORT_BENCHMARK") != "1")
            Skip = "a benchmark: set SOCIALREPORT_BENCHMARK=1 to run it";
    }
}
