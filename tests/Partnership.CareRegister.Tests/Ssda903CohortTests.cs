using Partnership.CareRegister.Ssda903;

namespace Partnership.CareRegister.Tests;

/// <summary>The OC2 cohort rule on hand-made episode histories for the year ending 31 March 2025.</summary>
public sealed class Ssda903CohortTests
{
    private static readonly Ssda903Year Year = new(2025);
    private static readonly Ssda903Child Child = new("C1", "C-TEST", new DateOnly(2012, 1, 1), 13);

    private static Ssda903Episode Episode(string start, string? end, string legalStatus = "C2") => new()
    {
        Line = 2,
        Child = Child,
        Start = DateOnly.Parse(start),
        End = end is null ? null : DateOnly.Parse(end),
        ReasonNewEpisode = "S",
        LegalStatus = legalStatus,
        Placement = "U1",
        ReasonCeased = end is null ? null : "X1",
    };

    [Fact]
    public void Continuous_care_since_before_the_year_is_in_the_cohort() =>
        Assert.True(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2023-01-01", null)], Year));

    [Fact]
    public void Contiguous_episodes_form_one_period_of_care() =>
        Assert.True(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2023-01-01", "2024-06-01"), Episode("2024-06-01", null)], Year));

    [Fact]
    public void A_gap_starts_a_new_period() =>
        Assert.False(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2023-01-01", "2024-06-01"), Episode("2024-06-10", null)], Year));

    [Fact]
    public void Exactly_twelve_months_counts_and_a_day_less_does_not()
    {
        Assert.True(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2024-04-01", null)], Year));
        Assert.False(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2024-04-02", null)], Year));
    }

    [Fact]
    public void Short_breaks_do_not_count_towards_the_cohort()
    {
        Assert.False(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2023-01-01", null, "V3")], Year));
        Assert.False(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2023-01-01", "2024-05-01", "V4"), Episode("2024-05-01", null)], Year));
    }

    [Fact]
    public void A_child_no_longer_looked_after_at_31_March_is_not_in_the_cohort() =>
        Assert.False(Ssda903EpisodeRules.LookedAfterTwelveMonths([Episode("2023-01-01", "2025-03-30")], Year));
}
