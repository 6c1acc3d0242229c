using CsCheck;

namespace SocialReport.Testing;

/// <summary>
/// Runs property tests. A local run explores new random cases each time (CsCheck prints the seed of a failure: pass it
/// as <c>CsCheck_Seed</c> to replay it). Under CI (<c>CI</c> set, as <c>.ci/run</c> does) the cases are pinned: the
/// same <c>iter</c> seeds every run, so a red CI is red again on the same case, never by chance.
/// </summary>
public static class Property
{
    private static readonly bool Pinned = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static void Check<T>(this Gen<T> gen, Action<T> assert, int iter = 100)
    {
        if (!Pinned)
        {
            gen.Sample(assert, iter: iter);
            return;
        }
        for (var i = 0; i < iter; i++)
            gen.Sample(assert, iter: 1, threads: 1, seed: PinnedSeed(i));
    }

    public static void Check<T>(this Gen<T> gen, Func<T, bool> holds, int iter = 100) =>
        gen.Check(value => Assert.True(holds(value), $"Does not hold for {CsCheck.Check.Print(value)}"), iter);

    public static void Check<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, int iter = 100) =>
        gen.Check(t => assert(t.Item1, t.Item2), iter);

    public static void Check<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, int iter = 100) =>
        gen.Check(t => assert(t.Item1, t.Item2, t.Item3), iter);

    /// <summary>The i-th pinned case, as a CsCheck seed string.</summary>
    internal static string PinnedSeed(int i) =>
        new PCG((uint)i, 0x5EED_5EED_5EED_5EEDUL + (ulong)i).ToString();
}
