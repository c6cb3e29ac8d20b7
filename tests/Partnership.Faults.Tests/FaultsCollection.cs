using Partnership.Faults.Tests.Rig;

namespace Partnership.Faults.Tests;

/// <summary>One rig for the whole suite; its tests run one after another because each one breaks the shared processes.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultRig>
{
    public const string Name = "Faults";
}
