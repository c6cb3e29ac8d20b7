using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Partnership.Faults.Tests.Rig;

/// <summary>
/// The suite's own PostgreSQL and RabbitMQ (faults-infra.sh: separate state directory and ports), so stopping them
/// never disturbs the shared instances other test projects use at the same time.
/// </summary>
public sealed partial class FaultsInfrastructure(string repositoryRoot)
{
    private readonly string _script = Path.Combine(repositoryRoot, "tests", "Partnership.Faults.Tests", "faults-infra.sh");

    public string Postgres { get; private set; } = "";
    public string RabbitMq { get; private set; } = "";

    /// <summary>RabbitMQ's management API listens on the AMQP port + 1 (see scripts/infra.sh).</summary>
    public Uri RabbitManagement => new UriBuilder(new Uri(RabbitMq)) { Scheme = "http", Port = new Uri(RabbitMq).Port + 1, Path = "/api/", UserName = "", Password = "" }.Uri;

    public async Task StartAsync()
    {
        var output = await RunAsync("start", TimeSpan.FromMinutes(3));
        Postgres = Export(output, "PARTNERSHIP_TEST_PG");
        RabbitMq = Export(output, "PARTNERSHIP_TEST_AMQP");
    }

    public Task StopAsync() => RunAsync("stop", TimeSpan.FromMinutes(1));
    public Task StopPostgresAsync() => RunAsync("stop-pg", TimeSpan.FromSeconds(45));
    public Task StartPostgresAsync() => RunAsync("start-pg", TimeSpan.FromSeconds(60));
    public Task RestartPostgresAsync() => RunAsync("restart-pg", TimeSpan.FromSeconds(90));
    public Task StopRabbitMqAsync() => RunAsync("stop-rabbit", TimeSpan.FromSeconds(45));
    public Task StartRabbitMqAsync() => RunAsync("start-rabbit", TimeSpan.FromSeconds(120));
    public Task RestartRabbitMqAsync() => RunAsync("restart-rabbit", TimeSpan.FromSeconds(150));

    private async Task<string> RunAsync(string command, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", [_script, command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run faults-infra.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"faults-infra.sh {command} did not finish in {timeout}.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"faults-infra.sh {command} failed ({process.ExitCode}): {await errors}");
        }
        return await output;
    }

    private static string Export(string output, string name) =>
        Regex.Match(output, $"export {name}='([^']*)'") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"faults-infra.sh did not print {name}.");
}
