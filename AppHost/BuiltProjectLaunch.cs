using System.Reflection;

namespace Partnership.AppHost;

/// <summary>
/// Starts project resources from their build output rather than through <c>dotnet run --no-build</c>, which is how
/// Aspire launches them by default. <c>dotnet run</c> evaluates the project with MSBuild before it execs the very same
/// executable: a few CPU-seconds per service, paid by ten services at once, which on a 2-core machine added tens of
/// seconds to every in-process start (tests/Partnership.AppHost.Tests, bench/). Neither path builds anything, so a
/// stale build runs either way.
/// </summary>
public static class BuiltProjectLaunch
{
    /// <summary>
    /// Points every project resource whose executable exists under <c>bin/&lt;configuration&gt;/&lt;framework&gt;/</c>
    /// at that executable. <paramref name="configuration"/> defaults to the AppHost's own build configuration, which
    /// is the one Aspire passes to <c>dotnet run</c>. Returns the projects left to <c>dotnet run</c> (not built).
    /// </summary>
    public static IReadOnlyList<string> UseBuildOutput(IDistributedApplicationBuilder builder, string? configuration = null)
    {
        configuration ??= typeof(BuiltProjectLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var notBuilt = new List<string>();
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var projectDirectory = Path.GetDirectoryName(projectPath)!;
            if (BuiltExecutable(projectDirectory, Path.GetFileNameWithoutExtension(projectPath), configuration) is { } executable)
            {
                // The project directory stays the working directory (content root), as under dotnet run.
                project.Annotations.Add(new ExecutableAnnotation { Command = executable, WorkingDirectory = projectDirectory });
            }
            else
            {
                notBuilt.Add(project.Name);
            }
        }
        return notBuilt;
    }

    private static string? BuiltExecutable(string projectDirectory, string assemblyName, string configuration)
    {
        var output = Path.Combine(projectDirectory, "bin", configuration);
        if (!Directory.Exists(output))
        {
            return null;
        }
        var candidates = Directory.GetDirectories(output)
            .Select(framework => Path.Combine(framework, OperatingSystem.IsWindows() ? assemblyName + ".exe" : assemblyName))
            .Where(File.Exists)
            .ToList();
        // Two target frameworks would leave the choice to dotnet run's own rules.
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
