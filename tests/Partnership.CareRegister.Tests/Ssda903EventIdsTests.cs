using Partnership.CareRegister.Ssda903;

namespace Partnership.CareRegister.Tests;

public sealed class Ssda903EventIdsTests
{
    [Fact]
    public void Ids_are_distinct_uuid_v7_stamped_with_the_current_millisecond()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, 1_000).Select(_ => Ssda903EventIds.Next()).ToList();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            Assert.Equal(7, id.Version);
            Assert.Equal(0b10, id.Variant >> 2);
            var bytes = id.ToByteArray(bigEndian: true);
            var milliseconds = bytes.Take(6).Aggregate(0L, (value, b) => value << 8 | b);
            Assert.InRange(milliseconds, before, after);
        });
    }
}
