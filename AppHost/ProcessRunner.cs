using System.Diagnostics;

namespace Partnership.AppHost;

/// <summary>
/// Runs the one-off preparation commands (chown, initdb). PostgreSQL refuses to run as root, and this machine's
/// developers and CI are root, so database processes drop to nobody:nogroup through setpriv, which execs the target
/// (DCP's stop signal then reaches the server itself).
/// </summary>
internal static class ProcessRunner
{
    public const string DropPrivilegesCommand = "setpriv";

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command and leading arguments that run <paramref name="program"/> unprivileged when we are root.</summary>
    public static (string Command, string[] Prefix) Unprivileged(string program) => IsRoot
        ? (DropPrivilegesCommand, ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", program])
        : (program, []);

    public static async Task RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', startInfo.ArgumentList)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    public static async Task RunUnprivilegedAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (command, prefix) = Unprivileged(program);
        await RunAsync(command, prefix.Concat(arguments), cancellationToken);
    }

    /// <summary>True when every existing ancestor of <paramref name="path"/> lets others through (or we are not root).</summary>
    public static bool ReachableByUnprivileged(string path)
    {
        if (!IsRoot || OperatingSystem.IsWindows())
        {
            return true;
        }
        for (var dir = Directory.GetParent(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A short, stable per-state-directory path under /tmp, for sockets and for state nobody could not reach.</summary>
    public static string ScratchDirectory(string stateDirectory)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stateDirectory)))[..10];
        return Path.Combine(Path.GetTempPath(), $"partnership-{hash}");
    }

    /// <summary>Creates <paramref name="path"/> for the unprivileged user, mode 0700 (PostgreSQL insists on it).</summary>
    public static async Task CreatePrivateDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        if (IsRoot)
        {
            await RunAsync("chown", ["nobody:nogroup", path], cancellationToken);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
