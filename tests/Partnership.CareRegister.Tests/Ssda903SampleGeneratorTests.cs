using Partnership.CareRegister.Ssda903.Sample;

namespace Partnership.CareRegister.Tests;

public sealed class Ssda903SampleGeneratorTests
{
    [Fact]
    public void The_missing_episodes_asked_for_are_written_and_the_same_options_give_the_same_files()
    {
        var options = new Ssda903SampleOptions { CollectionYear = 2025, ChildrenInCare = 2_000, CareLeavers = 1_125, MissingEpisodes = 2_250, Seed = 7 };
        var first = Ssda903Uploads.NewFolder();
        var second = Ssda903Uploads.NewFolder();
        var summary = new Ssda903SampleGenerator().Generate(first, options);
        new Ssda903SampleGenerator().Generate(second, options);

        // Within 2 % of the target, never above it; every episode counted is a line of missing.csv.
        Assert.InRange(summary.MissingEpisodes, 2_205, 2_250);
        Assert.Equal(summary.MissingEpisodes, File.ReadAllLines(Path.Combine(first, "missing.csv")).Length - 1);
        Assert.Equal(1_125, summary.Oc3Records);
        foreach (var name in Ssda903SampleGenerator.FileNames)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, name)), File.ReadAllBytes(Path.Combine(second, name)));
        }

        // Without a target the count is left to chance, about one to three episodes for one child in eight.
        var unset = new Ssda903SampleGenerator().Generate(Ssda903Uploads.NewFolder(), options with { MissingEpisodes = null });
        Assert.InRange(unset.MissingEpisodes, 200, 700);
    }
}
