using Partnership.AppHost.Tests;

// One AppHost for the whole test assembly: starting it costs seconds and it binds ports, so no test class starts its own.
[assembly: AssemblyFixture(typeof(PartnershipAppFixture))]
