namespace Partnership.AppHost;

/// <summary>
/// When a started AppHost is ready to be used: for the code that starts it in-process (tests/Partnership.AppHost.Tests
/// and bench/), which must agree on which resources to wait for and give up as soon as one of them has crashed.
/// </summary>
public static class ResourceReadiness
{
    /// <summary>
    /// The resources that run and must become healthy: every project and top-level executable, except one-shot steps
    /// (the broker users' provisioning), which finish rather than become healthy and are waited on with
    /// WaitForCompletion by the services that need them, and resources left to be started by hand (explicit start).
    /// Databases and connection strings have no process of their own.
    /// </summary>
    public static IReadOnlyList<IResource> LongRunning(DistributedApplicationModel model)
    {
        var oneShot = OneShot(model);
        return model.Resources
            .Where(r => r is ProjectResource || (r is ExecutableResource && r is not IResourceWithParent))
            .Where(r => !oneShot.Contains(r.Name) && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .ToList();
    }

    /// <summary>Names of the resources some other resource waits on to complete.</summary>
    public static IReadOnlySet<string> OneShot(DistributedApplicationModel model) =>
        model.Resources
            .SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
            .Where(w => w.WaitType == WaitType.WaitForCompletion)
            .Select(w => w.Resource.Name)
            .ToHashSet();

    /// <summary>
    /// Waits until every resource in <paramref name="names"/> is healthy. The first one to fail ends the wait: the
    /// others may be waiting on it and would only run into the timeout.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(DistributedApplication app, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var pending = names.Select(name => WaitUntilHealthyAsync(app, name, cancellationToken)).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            await done;
            pending.Remove(done);
        }
    }

    /// <summary>Healthy, or an exception as soon as the resource stops (a crashed service would otherwise cost the whole timeout).</summary>
    public static async Task WaitUntilHealthyAsync(DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var healthy = app.ResourceNotifications.WaitForResourceHealthyAsync(name, waiting.Token);
        var stopped = app.ResourceNotifications.WaitForResourceAsync(name,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), waiting.Token);
        try
        {
            if (await Task.WhenAny(healthy, stopped) == stopped && stopped.IsCompletedSuccessfully)
            {
                var snapshot = stopped.Result.Snapshot;
                throw new InvalidOperationException(
                    $"Resource '{name}' reached {snapshot.State?.Text} (exit code {snapshot.ExitCode}) before it was healthy; its log has the reason.");
            }
            await healthy;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var state = app.ResourceNotifications.TryGetCurrentState(name, out var e)
                ? $"{e.Snapshot.State?.Text}, health {e.Snapshot.HealthStatus?.ToString() ?? "unknown"}"
                : "no state";
            throw new TimeoutException($"Resource '{name}' was not healthy in time ({state}).");
        }
        finally
        {
            await waiting.CancelAsync();
        }
    }
}
