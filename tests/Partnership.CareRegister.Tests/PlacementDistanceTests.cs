using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Placements;

namespace Partnership.CareRegister.Tests;

/// <summary>Postcodes to districts, district distances and the within-20-miles flag, on the register's own district table.</summary>
public sealed class PlacementDistanceTests
{
    [Theory]
    [InlineData("NG1 5FS", "NG1")]
    [InlineData("ng15fs", "NG1")]
    [InlineData("NG11 5AB", "NG11")]
    [InlineData("NG115AB", "NG11")]
    [InlineData("NG11 5", "NG11")]
    [InlineData("NG11", "NG11")]
    [InlineData("  sw1a 1aa ", "SW1A")]
    [InlineData("B1 1AA", "B1")]
    [InlineData("w1a0ax", "W1A")]
    [InlineData("M1", "M1")]
    [InlineData("NG1   5", "NG1")]
    public void A_postcode_full_to_the_sector_or_the_district_gives_its_district(string postcode, string district) =>
        Assert.Equal(district, Postcodes.District(postcode));

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("NG1 5FSX")]
    [InlineData("NOT A POSTCODE")]
    [InlineData("NG 1AA")]
    [InlineData("NG1 5 FS")]
    [InlineData("NG1 5F")]
    [InlineData("N")]
    [InlineData("NGG1 5FS")]
    [InlineData("NG1\t5FS")]
    public void Text_that_is_not_a_postcode_has_no_district(string text) => Assert.Null(Postcodes.District(text));

    [Fact]
    public void Postcodes_are_stored_in_one_form() =>
        Assert.Equal(["NG1 5FS", "NG11 5AB", "NG11", "NG1 5"], new[] { "ng15fs", "NG11  5ab", "ng11", "NG1 5" }.Select(Postcodes.Normalise));

    [Theory]
    // Straight-line distances between town centres, as published maps give them (to the nearest mile or so).
    [InlineData("NG1 1AA", "DE1 1AA", 13, 15)]
    [InlineData("NG1 1AA", "NG24 1AA", 15, 18)]
    [InlineData("NG1 1AA", "LE1 1AA", 21, 24)]
    [InlineData("NG1 1AA", "LN1 1AA", 30, 34)]
    [InlineData("NG1 1AA", "M1 1AA", 55, 62)]
    public void District_distances_match_the_map(string from, string to, double atLeast, double atMost)
    {
        var miles = PlacementDistance.FromPostcodes(PostcodeDistricts.Embedded, from, to).Miles;
        Assert.NotNull(miles);
        Assert.InRange(miles.Value, atLeast, atMost);
    }

    [Fact]
    public void Within_twenty_miles_is_twenty_point_zero_or_less()
    {
        Assert.True(PlacementDistance.FromMiles(20.0).WithinTwentyMiles);
        Assert.False(PlacementDistance.FromMiles(20.1).WithinTwentyMiles);
        Assert.True(PlacementDistance.FromPostcodes(PostcodeDistricts.Embedded, "NG7 2AB", "NG24 3CD").WithinTwentyMiles);
        Assert.False(PlacementDistance.FromPostcodes(PostcodeDistricts.Embedded, "NG7 2AB", "NG31 3CD").WithinTwentyMiles);
        Assert.Equal(0, PlacementDistance.FromPostcodes(PostcodeDistricts.Embedded, "NG7 2AB", "NG7 9ZZ").Miles);
    }

    [Fact]
    public void A_postcode_that_cannot_be_placed_leaves_the_flag_unknown_and_says_why()
    {
        var districts = PostcodeDistricts.Embedded;
        Assert.Equal(PlacementLocality.Unknown, PlacementDistance.FromPostcodes(districts, "NG7 2AB", "ZZ9 9ZZ"));
        Assert.Equal(PlacementLocality.Unknown, PlacementDistance.FromPostcodes(districts, null, "NG7 2AB"));
        Assert.Equal(PostcodeProblem.DistrictNotHeld, PlacementDistance.Problem(districts, "ZZ9 9ZZ"));
        Assert.Equal(PostcodeProblem.NotAPostcode, PlacementDistance.Problem(districts, "12345"));
        Assert.Equal(PostcodeProblem.None, PlacementDistance.Problem(districts, null));
        Assert.Equal(PostcodeProblem.None, PlacementDistance.Problem(districts, "NG7 2AB"));
    }

    [Fact]
    public void A_stated_flag_wins_over_the_postcodes()
    {
        Assert.True(PlacementSite.From("NG7 2AB", "NG18 1AA", null).WithinTwentyMiles);
        Assert.False(PlacementSite.From("NG7 2AB", "NG18 1AA", false).WithinTwentyMiles);
        Assert.Null(PlacementSite.From("NG7 2AB", null, null).WithinTwentyMiles);
    }

    [Fact]
    public void The_district_table_holds_the_demo_area_and_every_row_is_a_district()
    {
        var districts = PostcodeDistricts.Embedded;
        Assert.True(districts.Count >= 50);
        Assert.All(districts.Districts, d => Assert.Equal(d, Postcodes.District(d)));
        foreach (var district in Enumerable.Range(1, 25).Select(n => $"NG{n}"))
        {
            Assert.NotNull(districts.Locate(district));
        }
    }
}
