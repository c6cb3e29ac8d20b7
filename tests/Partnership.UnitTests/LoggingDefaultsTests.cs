using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnership.ServiceDefaults;

namespace Partnership.UnitTests;

public sealed class LoggingDefaultsTests
{
    private const string EfCommands = "Microsoft.EntityFrameworkCore.Database.Command";
    private const string Requests = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Fact]
    public async Task A_service_without_log_settings_of_its_own_does_not_log_every_command_and_request()
    {
        await using var app = Build(before: null, after: null);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger(EfCommands).IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger(EfCommands).IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger(Requests).IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Partnership.ServiceDefaults.Outbox.OutboxDispatcher").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task A_services_own_settings_win_whether_added_before_or_after_the_defaults()
    {
        var verbose = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information" };

        await using (var before = Build(before: verbose, after: null))
        {
            Assert.True(before.Services.GetRequiredService<ILoggerFactory>().CreateLogger(EfCommands).IsEnabled(LogLevel.Information));
        }
        await using var after = Build(before: null, after: verbose);
        Assert.True(after.Services.GetRequiredService<ILoggerFactory>().CreateLogger(EfCommands).IsEnabled(LogLevel.Information));
    }

    /// <param name="before">Settings present before the defaults are added, as appsettings.json and the environment are.</param>
    private static WebApplication Build(Dictionary<string, string?>? before, Dictionary<string, string?>? after)
    {
        var builder = WebApplication.CreateBuilder();
        if (before is not null)
        {
            builder.Configuration.AddInMemoryCollection(before);
        }
        builder.AddServiceDefaults();
        if (after is not null)
        {
            builder.Configuration.AddInMemoryCollection(after);
        }
        return builder.Build();
    }
}
