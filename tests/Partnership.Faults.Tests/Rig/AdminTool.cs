using System.Diagnostics;

namespace Partnership.Faults.Tests.Rig;

/// <summary>Runs tools/Partnership.Admin as an operator would: its own process, the broker from the environment.</summary>
public static class AdminTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(FaultRig rig, params string[] args)
    {
        var dll = rig.BuildOutput("tools/Partnership.Admin", "Partnership.Admin");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__messaging"] = rig.Infrastructure.RabbitMq;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Partnership.Admin.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output + await errors);
    }
}
