using System.Diagnostics;
using System.Runtime;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.Bench.Measure;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Ssda903;

namespace Partnership.Bench.Ingest;

/// <summary>
/// Imports SSDA903 years in a process of its own, one per line asked for on its standard input, and answers each
/// with a line of JSON: the bench process also hosts the AppHost, whose watching of the platform's resources and
/// their logs took about a quarter of a core beside an in-process import (its CPU in a ×1 import: 0.28–0.30 s against
/// 0.16–0.21 s in a process with nothing else in it). The care register's service runs its imports in a process
/// without an AppHost, so this one measures what it would do; the process stays up between imports, so it is warm
/// as the service is.
/// </summary>
public sealed class Ssda903Worker : IAsyncDisposable
{
    /// <summary>The bench's argument that makes it this worker instead of a bench run.</summary>
    public const string Argument = "--ssda903-worker";

    public const string ResourceName = "ssda903 importer (bench worker)";

    /// <summary>The worker's connections say who they are, so the bench can wait for them (and only them) to end.</summary>
    private const string ApplicationName = "ssda903-bench-worker";

    /// <param name="Folder">The year to import; none to close the worker's connections to the database instead.</param>
    public sealed record Job(string Connection, string? Folder);

    /// <param name="Steps">The importer's log line of its steps' wall and CPU times.</param>
    /// <param name="JitMilliseconds">Time the runtime spent compiling during the import, on any thread: tier-1 promotions of the import path take CPU beside it.</param>
    public sealed record Outcome(double Seconds, long PeakBytes, long BaselineBytes, long PeakHeapBytes, IReadOnlyList<string> Steps, string? Rejected,
        double JitMilliseconds);

    private readonly Process process;
    private readonly Task<string> errors;

    private Ssda903Worker(Process process)
    {
        this.process = process;
        errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the worker with the run's marker, so the bench's process table counts its CPU as a resource's.</summary>
    public static Ssda903Worker Start(ProcessTable processes)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Partnership.Bench.dll"));
        start.ArgumentList.Add(Argument);
        start.Environment[ProcessTable.MarkerVariable] = processes.RunMarker;
        start.Environment[ProcessTable.ResourceVariable] = ResourceName;
        return new Ssda903Worker(Process.Start(start) ?? throw new InvalidOperationException("The SSDA903 bench worker did not start."));
    }

    public async Task<Outcome> ImportAsync(string connection, string folder)
    {
        var outcome = JsonSerializer.Deserialize<Outcome>(await AskAsync(new Job(connection, folder)))!;
        return outcome.Rejected is { } rejected ? throw new InvalidOperationException($"The generated SSDA903 year was rejected: {rejected}") : outcome;
    }

    /// <summary>
    /// Closes the worker's connections to a database once its import has been measured, and waits until their
    /// backends have ended: a backend that ends while the next import is measured takes its CPU time out of the
    /// bench's reckoning of the server's share, so they must not linger into it (nor be closed within it).
    /// </summary>
    public async Task ReleaseAsync(string connection)
    {
        await AskAsync(new Job(connection, null));
        var database = new NpgsqlConnectionStringBuilder(connection).Database;
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ConnectionString);
        await server.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @database AND application_name = @application", server);
        count.Parameters.AddWithValue("database", database!);
        count.Parameters.AddWithValue("application", ApplicationName);
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(20))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"The SSDA903 bench worker's connections to {database} were still open 10 s after it closed them.");
            }
            if ((long)(await count.ExecuteScalarAsync())! == 0)
            {
                return;
            }
        }
    }

    /// <summary>Sends one job and waits for the worker's one-line answer.</summary>
    private async Task<string> AskAsync(Job job)
    {
        await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(job));
        await process.StandardInput.FlushAsync();
        return await process.StandardOutput.ReadLineAsync()
               ?? throw new InvalidOperationException($"The SSDA903 bench worker ended without an answer: {await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }
        process.Dispose();
    }

    /// <summary>The worker's side: each line read is a year to import into a fresh, migrated database.</summary>
    public static async Task ServeAsync()
    {
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var job = JsonSerializer.Deserialize<Job>(line)!;
            if (job.Folder is null)
            {
                NpgsqlConnection.ClearAllPools();
                await Console.Out.WriteLineAsync("{}");
            }
            else
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(await ImportOnceAsync(job.Connection, job.Folder)));
            }
            await Console.Out.FlushAsync();
        }
    }

    private static async Task<Outcome> ImportOnceAsync(string connection, string folder)
    {
        var named = new NpgsqlConnectionStringBuilder(connection) { ApplicationName = ApplicationName }.ConnectionString;
        var options = new DbContextOptionsBuilder<CareRegisterDbContext>().UseNpgsql(named, o => o.CommandTimeout(1800)).Options;
        var sources = Ssda903Source.InFolder(folder);
        var log = new StepLog<Ssda903Importer>();
        // The COPY baseline's connection is open before its timer starts, and the service's pool holds connections to
        // its database between imports; each import here has a database of its own, so its connections (the year's,
        // two side transactions and a look-up) are opened before the timer too, and go back to the pool.
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var open = new NpgsqlConnection(named);
            await open.OpenAsync();
            return open;
        }));
        foreach (var open in opened)
        {
            await open.DisposeAsync();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var jitTime = JitInfo.GetCompilationTime();
        var stopwatch = Stopwatch.StartNew();
        Ssda903ImportOutcome imported;
        long peak, baseline, heap;
        await using (var memory = MemorySampler.OfThisProcess())
        {
            await using var db = new CareRegisterDbContext(options);
            imported = await new Ssda903Importer(TimeProvider.System, log).ImportAsync(db, 2025, sources, "bench", CancellationToken.None);
            (peak, baseline, heap) = (memory.PeakBytes, memory.BaselineBytes, memory.PeakHeapBytes);
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new Outcome(seconds, peak, baseline, heap, log.Messages.Where(m => m.Contains("import steps", StringComparison.Ordinal)).ToList(),
            imported.Rejection?.Title, (JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds);
    }
}
