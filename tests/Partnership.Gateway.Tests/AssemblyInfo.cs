using Partnership.Gateway.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Platform))]
