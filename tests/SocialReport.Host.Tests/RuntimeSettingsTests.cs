using System.Text.Json;

namespace SocialReport.Host.Tests;

/// <summary>The GC settings the README's memory figures were measured with travel with the host (its runtimeconfig.json).</summary>
public class RuntimeSettingsTests
{
    [Fact]
    public void The_host_runs_with_workstation_gc_that_conserves_memory_and_no_dynamic_pgo()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SocialReport.Host.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal("7", properties.GetProperty("System.GC.ConserveMemory").ToString());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
