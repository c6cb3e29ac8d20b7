using Microsoft.Extensions.DependencyInjection;

namespace Partnership.AppHost;

/// <summary>
/// Stops an AppHost started in-process (tests/Partnership.AppHost.Tests, bench/) without leaving an epmd behind.
/// Aspire stops every resource at once; when epmd goes first, the still-running broker notices it is no longer
/// registered and starts a daemon epmd of its own on the same fixed port, which outlives the app and makes the next
/// start's epmd fail. So the broker is stopped first (its graceful stop takes a few seconds), then the rest.
/// </summary>
public static class PlatformShutdown
{
    public static async Task StopAsync(DistributedApplication app, TimeSpan brokerTimeout)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        await Task.WhenAll(model.Resources.OfType<RabbitMqExecutableResource>().Select(broker => StopResourceAsync(app, broker.Name, brokerTimeout)));
        await app.StopAsync();
    }

    private static async Task StopResourceAsync(DistributedApplication app, string name, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var result = await app.ResourceCommands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, cancel.Token);
            if (result.Success)
            {
                await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancel.Token);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Stopping the whole app still stops it; the ordering is only a precaution.
        }
    }
}
