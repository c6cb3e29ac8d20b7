using Partnership.Board.Domain;
using Partnership.Board.Indicators;
using Partnership.Board.Indicators.Measures;

namespace Partnership.Board.Tests.Unit;

public sealed class MeasureInputsTests
{
    [Fact]
    public void Every_measure_depends_on_named_kinds_or_tables_and_none_on_everything()
    {
        Assert.All(MeasureCatalogue.All.Values, m =>
        {
            var inputs = MeasureInputs.Of(m);
            Assert.False(inputs.AnyKind, $"{m.Id} names no kind");
            Assert.NotEmpty(inputs.Kinds);
            Assert.Matches("^[a-p]{16}$", inputs.Definition);
        });
    }

    [Fact]
    public void A_cohort_measure_depends_on_the_cohort_kinds_and_its_own()
    {
        Assert.Equal(
            [FactKinds.CareCeased, FactKinds.CareEntered, FactKinds.LegalStatusChanged, FactKinds.PepCompleted],
            MeasureInputs.Of("pep-current").Kinds.Order(StringComparer.Ordinal));
        Assert.Equal(["health_assessment_facts"], MeasureInputs.Of("health-assessments-timely").Kinds);
        Assert.Equal([FactKinds.Oc2, "ssda903_imports"], MeasureInputs.Of("oc2-convicted").Kinds.Order(StringComparer.Ordinal));
        Assert.Contains("health_assessment_facts", MeasureInputs.Of("health-assessments-up-to-date").Kinds);
    }

    [Fact]
    public void Changed_sql_is_a_different_definition_and_a_kind_left_unnamed_means_every_kind()
    {
        var original = MeasureCatalogue.All["reviews-on-time"];
        var edited = original with { Sql = original.Sql + " AND TRUE" };
        Assert.NotEqual(MeasureInputs.Of(original).Definition, MeasureInputs.Read(edited).Definition);

        var unnamed = new Measure("x", MeasureShape.Count, """SELECT count(*) AS "Numerator", NULL::bigint AS "Denominator" FROM child_facts WHERE kind = @kind""");
        Assert.True(MeasureInputs.Read(unnamed).AnyKind);
    }
}
