using Microsoft.Playwright;
using Partnership.Board.Data;
using Partnership.Dashboard.Components;
using Partnership.Identity.Data;
using Microsoft.Extensions.DependencyInjection;
using Partnership.Testing;

namespace Partnership.Dashboard.Tests.Hosting;

/// <summary>
/// The whole path a board member's browser takes: the real identity service (its issuer is the URL the browser uses),
/// the real board service on its own PostgreSQL database with the real RabbitMQ, the dashboard, and Debian's chromium.
/// Shared by every test in the assembly; each test opens its own browser context (its own cookies). A second dashboard
/// runs on a clock the session tests move forward, so tokens "expire" for it without anyone waiting, and with a recorder
/// on its calls to the board.
/// </summary>
public sealed class DashboardStack : IAsyncLifetime
{
    public const string PathBase = "/dashboard";
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private KestrelService<IdentityDbContext>? _identity;
    private KestrelService<BoardDbContext>? _board;
    private string? _boardDatabase;
    private string? _boardMessaging;
    private KestrelService<App>? _dashboard;
    private KestrelService<App>? _sessionDashboard;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's home page as the browser (and the gateway) addresses it.</summary>
    public string DashboardUrl => _dashboard!.BaseUri + PathBase.TrimStart('/');

    public string IdentityUrl => _identity!.BaseUri.ToString().TrimEnd('/');

    /// <summary>The real identity service's container, to read its token store and revoke as an administrator would.</summary>
    public IServiceProvider IdentityServices => _identity!.Services;

    /// <summary>The dashboard whose clock <see cref="SessionClock"/> moves; only the session tests use it.</summary>
    public string SessionDashboardUrl => _sessionDashboard!.BaseUri + PathBase.TrimStart('/');

    public OffsetClock SessionClock { get; } = new();

    /// <summary>The session dashboard's calls to the board API.</summary>
    public BoardCallRecorder SessionBoardCalls { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var ports = LoopbackPorts.Reserve(4);
        var (identityPort, boardPort, dashboardPort, sessionDashboardPort) = (ports[0], ports[1], ports[2], ports[3]);
        var issuer = Loopback.AddressOf(identityPort).ToString().TrimEnd('/');
        var dashboard = Loopback.AddressOf(dashboardPort).ToString().TrimEnd('/') + PathBase;
        var sessionDashboard = Loopback.AddressOf(sessionDashboardPort).ToString().TrimEnd('/') + PathBase;

        _identity = KestrelService<IdentityDbContext>.Start(identityPort, "Development", new Dictionary<string, string>
        {
            ["ConnectionStrings:identitydb"] = await TestInfrastructure.CreateDatabaseAsync("identity"),
            ["Identity:Issuer"] = issuer,
            ["Identity:AllowHttp"] = "true",
            ["Identity:RateLimits:TokenRequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Identity:Dashboard:RedirectUris:0"] = dashboard + "/signin-oidc",
            ["Identity:Dashboard:PostLogoutRedirectUris:0"] = dashboard + "/signout-callback-oidc",
            ["Identity:Dashboard:RedirectUris:1"] = sessionDashboard + "/signin-oidc",
            ["Identity:Dashboard:PostLogoutRedirectUris:1"] = sessionDashboard + "/signout-callback-oidc",
        });

        _boardDatabase = await TestInfrastructure.CreateDatabaseAsync("boarddb");
        _boardMessaging = await RabbitMqVirtualHosts.CreateAsync("board-ui");
        _board = KestrelService<BoardDbContext>.Start(boardPort, "Testing", new Dictionary<string, string>
        {
            ["ConnectionStrings:boarddb"] = _boardDatabase,
            // A virtual host of its own: the board sees no other suite's events.
            ["ConnectionStrings:messaging"] = _boardMessaging,
            ["Messaging:ServiceName"] = $"board-ui-{Guid.NewGuid():N}"[..24],
            ["Identity:Url"] = issuer,
            ["Identity:Issuer"] = issuer,
            ["Logging:LogLevel:Default"] = "Warning",
        });

        var dashboardSettings = new Dictionary<string, string>
        {
            ["Identity:Url"] = issuer,
            ["Identity:Issuer"] = issuer,
            ["Dashboard:PathBase"] = PathBase,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Dashboard:BoardApi"] = Loopback.AddressOf(boardPort).ToString(),
        };
        _dashboard = KestrelService<App>.Start(dashboardPort, "Development", dashboardSettings);
        _sessionDashboard = KestrelService<App>.Start(sessionDashboardPort, "Development", dashboardSettings, services =>
        {
            services.AddSingleton<TimeProvider>(SessionClock);
            SessionBoardCalls.AttachTo(services);
        });

        // The browser comes from Debian's package; Playwright must never fetch one of its own.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's browser with 'apt-get install -y chromium'.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        // The first interactive render waits for the Blazor circuit, and the overview computes every indicator live.
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser session (no cookies) that accepts downloads.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, Locale = "en-GB" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        // Browser-side failures (a circuit that cannot connect, a script that fails) show up in the test's output.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Console.WriteLine($"[browser {message.Type}] {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Url.Contains("/forbidden", StringComparison.Ordinal))
            {
                Console.WriteLine($"[browser response] {response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) => Console.WriteLine($"[browser request failed] {request.Method} {request.Url}: {request.Failure}");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        foreach (var service in new IAsyncDisposable?[] { _sessionDashboard, _dashboard, _board, _identity })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }
        // Once the board has stopped: its database and virtual host were made for this stack alone.
        if (_boardMessaging is not null)
        {
            await RabbitMqVirtualHosts.DeleteAsync(_boardMessaging);
        }
        if (_boardDatabase is not null)
        {
            await TestInfrastructure.DropDatabaseAsync(_boardDatabase);
        }
    }
}
