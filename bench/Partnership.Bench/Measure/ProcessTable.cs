using System.Globalization;
using System.Text;

namespace Partnership.Bench.Measure;

/// <summary>
/// Finds the platform's processes by an environment marker the bench gives every resource (PostgreSQL backends and the
/// Erlang VM inherit it from their parent), and reads their CPU time and memory from /proc. This is the bench's
/// profiler: which process the CPU went to during a run, rather than a guess.
/// </summary>
public sealed class ProcessTable(string runMarker)
{
    public const string MarkerVariable = "PARTNERSHIP_BENCH_RUN";
    public const string ResourceVariable = "PARTNERSHIP_BENCH_RESOURCE";
    private static readonly long TicksPerSecond = 100;

    /// <summary>The marker a process the bench starts itself must carry for its CPU to be counted.</summary>
    public string RunMarker => runMarker;

    /// <summary>Resource name → pids currently alive.</summary>
    public Dictionary<string, List<int>> Snapshot()
    {
        var result = new Dictionary<string, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                var text = Encoding.UTF8.GetString(environ);
                if (!text.Contains($"{MarkerVariable}={runMarker}\0", StringComparison.Ordinal))
                {
                    continue;
                }
                var start = text.IndexOf(ResourceVariable + "=", StringComparison.Ordinal);
                if (start < 0)
                {
                    continue;
                }
                start += ResourceVariable.Length + 1;
                var name = text[start..text.IndexOf('\0', start)];
                if (!result.TryGetValue(name, out var pids))
                {
                    result[name] = pids = [];
                }
                pids.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }
        return result;
    }

    /// <summary>
    /// PostgreSQL runs under setpriv with a cleaned environment, so the marker does not reach it: its postmaster is
    /// found from a backend's parent instead, and its CPU is the postmaster's and every backend's.
    /// </summary>
    public int? Postmaster { get; set; }

    /// <summary>
    /// CPU seconds (user + system) used so far by each resource's live processes, PostgreSQL's taken from
    /// <paramref name="postgres"/> (the caller's reading of <see cref="PostgresProcesses"/>, so /proc is walked for it once).
    /// </summary>
    public Dictionary<string, double> CpuSeconds(PostgresCpu? postgres)
    {
        var result = new Dictionary<string, double>();
        foreach (var (name, pids) in Snapshot())
        {
            result[name] = pids.Sum(ProcessCpuSeconds);
        }
        if (postgres is not null)
        {
            result["postgres"] = postgres.Total;
        }
        result["bench (this process)"] = ProcessCpuSeconds(Environment.ProcessId);
        return result;
    }

    /// <summary>
    /// The postmaster's CPU, with that of the backends it has reaped, and each live backend's CPU and database. A
    /// backend's title (/proc/&lt;pid&gt;/cmdline) is "postgres: user database host state"; helpers (WAL writer,
    /// checkpointer, autovacuum) have no client address and count as "server". The reaped CPU matters: Npgsql's pools
    /// close idle connections, and a backend that ended during a run took its whole life's CPU out of the live sum, which
    /// made PostgreSQL's share negative (shown as 0) and counted its work as the machine's other users.
    /// </summary>
    public PostgresCpu? PostgresProcesses()
    {
        if (Postmaster is not { } postmaster)
        {
            return null;
        }
        var backends = new Dictionary<int, (string Database, double Cpu)>();
        foreach (var pid in Directory.EnumerateDirectories("/proc")
                     .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
                     .Where(pid => pid > 0 && ParentOf(pid) == postmaster))
        {
            backends[pid] = (DatabaseOf(pid) ?? "server", ProcessCpuSeconds(pid));
        }
        return new PostgresCpu(ProcessCpuSeconds(postmaster), ReapedChildrenCpuSeconds(postmaster), backends);
    }

    private static string? DatabaseOf(int pid)
    {
        try
        {
            var words = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Backends: "postgres:", user, database, client address, state; helpers have no client address.
            return words.Length >= 4 && words[0] == "postgres:" && words[3].Contains('(', StringComparison.Ordinal) ? words[2] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name; 16 and 17 (cutime, cstime: the
    // children it has waited for) at 13 and 14.
    public static double ProcessCpuSeconds(int pid) => StatTicks(pid, 11, 12);

    private static double ReapedChildrenCpuSeconds(int pid) => StatTicks(pid, 13, 14);

    private static double StatTicks(int pid, int first, int second)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[first], CultureInfo.InvariantCulture) + long.Parse(fields[second], CultureInfo.InvariantCulture)) / (double)TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    public static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    /// <summary>A /proc/&lt;pid&gt;/status value in kB (VmRSS, VmHWM), or 0.</summary>
    public static long StatusKb(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}

/// <summary>PostgreSQL's CPU at one moment: the postmaster's own, that of its reaped children, and each live backend's.</summary>
public sealed record PostgresCpu(double Postmaster, double Reaped, IReadOnlyDictionary<int, (string Database, double Cpu)> Backends)
{
    /// <summary>Only grows: a backend's CPU moves from the live sum into <see cref="Reaped"/> when it ends.</summary>
    public double Total => Postmaster + Reaped + Backends.Values.Sum(b => b.Cpu);

    /// <summary>
    /// CPU per database since <paramref name="before"/>. The backends that ended in between are known only together: the
    /// reaped CPU's growth less what they had used before, under "ended connections (databases)".
    /// </summary>
    public Dictionary<string, double> ByDatabaseSince(PostgresCpu before)
    {
        var result = new Dictionary<string, double> { ["server"] = Postmaster - before.Postmaster };
        foreach (var (pid, backend) in Backends)
        {
            var earlier = before.Backends.TryGetValue(pid, out var was) && was.Database == backend.Database ? was.Cpu : 0;
            result[backend.Database] = result.GetValueOrDefault(backend.Database) + Math.Max(0, backend.Cpu - earlier);
        }
        var ended = before.Backends.Where(kv => !Backends.ContainsKey(kv.Key)).ToList();
        if (ended.Count > 0)
        {
            var databases = string.Join(", ", ended.Select(kv => kv.Value.Database).Distinct().Order(StringComparer.Ordinal));
            result[$"{ended.Count} ended connections ({databases})"] = Math.Max(0, Reaped - before.Reaped - ended.Sum(kv => kv.Value.Cpu));
        }
        return result;
    }
}
