using Partnership.Dashboard.Tests.Hosting;

// One identity, board, dashboard and browser for the whole run: starting them is most of a test's cost.
[assembly: AssemblyFixture(typeof(DashboardStack))]
