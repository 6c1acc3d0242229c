namespace SocialReport.Host.Tests;

public class NativeHeapTests
{
    [Fact]
    public void Glibc_takes_each_allocator_setting_the_operator_did_not_make()
    {
        var expected = OperatingSystem.IsLinux()
            ? new[] { "MALLOC_MMAP_THRESHOLD_", "MALLOC_ARENA_MAX" }.Count(variable => Environment.GetEnvironmentVariable(variable) is null)
            : 0;

        Assert.Equal(expected, NativeHeap.Tune());
    }
}
