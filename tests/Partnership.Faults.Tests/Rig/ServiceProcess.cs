using System.Diagnostics;
using System.Net.Sockets;

namespace Partnership.Faults.Tests.Rig;

/// <summary>
/// A service run as its own OS process (<c>dotnet X.dll</c>) on a fixed loopback port, configured through environment
/// variables exactly as an orchestrator would. It can be SIGKILLed, SIGTERMed and restarted on the same port; its
/// output goes to a log file, and lines containing <see cref="Marker"/> are counted across restarts.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly HttpClient _probe;
    private Process? _process;
    private int _markedLines;
    private bool _closed;

    public ServiceProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string logDirectory, string? marker = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{name}: build output not found (build the test project first).", dll);
        }
        Name = name;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Marker = marker;
        _dll = dll;
        _environment = environment;
        Directory.CreateDirectory(logDirectory);
        _log = new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: false) { AutoFlush = true };
        _probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }
    public string? Marker { get; }
    public int MarkedLines => Volatile.Read(ref _markedLines);
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last /health answer (status and body), for failure messages.</summary>
    public string LastHealth { get; private set; } = "";

    /// <summary>Starts the process and waits until /health answers 200 (migrated, broker connected).</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }
        var start = new ProcessStartInfo(DotnetHost(), [_dll])
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        Write($"----- start {DateTime.UtcNow:O}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{Name} did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(90));
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed container or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        Write($"----- SIGKILL {DateTime.UtcNow:O}");
        process.Kill(entireProcessTree: false);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(cts.Token);
    }

    /// <summary>SIGTERM, then waits for the process to finish its graceful shutdown; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        Write($"----- SIGTERM {DateTime.UtcNow:O}");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout} of SIGTERM.");
        }
        return process.ExitCode;
    }

    /// <summary>GET /health: true for 200, false for anything else including no answer.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await _probe.GetAsync("/health");
            LastHealth = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
        {
            LastHealth = ex.GetType().Name;
            return false;
        }
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout) => await WaitForHealthAsync(true, timeout);

    public async Task WaitForHealthAsync(bool healthy, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true } exited && healthy)
            {
                throw new InvalidOperationException($"{Name} exited with code {exited.ExitCode} before becoming healthy; see its log.");
            }
            if (await IsHealthyAsync() == healthy)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} did not become {(healthy ? "healthy" : "unhealthy")} within {timeout}; last /health: {LastHealth}");
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (Marker is not null && line.Contains(Marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _markedLines);
        }
        Write($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    private void Write(string line)
    {
        lock (_logLock)
        {
            // Output can still arrive from a killed process's pipes after the log is closed.
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    /// <summary>The dotnet host the test runner itself was started with, so the services run on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }
        _process?.Dispose();
        _probe.Dispose();
        lock (_logLock)
        {
            _closed = true;
            _log.Dispose();
        }
    }
}
