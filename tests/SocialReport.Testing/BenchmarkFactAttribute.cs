namespace SocialReport.Testing;

/// <summary>A measurement, not a test: skipped unless <c>SOCIALREPORT_BENCHMARK=1</c>.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "SOCIALREPORT_BENCHMARK";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"a benchmark: set {Variable}=1 to run it";
    }
}
