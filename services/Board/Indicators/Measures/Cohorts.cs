namespace Partnership.Board.Indicators.Measures;

/// <summary>
/// SQL common table expressions for the cohorts the measures share. Dates are end-of-day inclusive: a child whose care
/// ceased on @to is no longer looked after at @to.
/// </summary>
public static class Cohorts
{
    /// <summary>
    /// looked_after(child, entered_on, age_now): looked after at @to in the latest episode, excluding short breaks
    /// (legal status V3/V4, as DfE's headline counts do). Age at @to is estimated from the age at entry and may be
    /// a year low, because no date of birth reaches the board.
    /// </summary>
    public const string LookedAfter = """
        looked_after AS (
            SELECT e.child, e.on_date AS entered_on, e.number2 + ((@to - e.on_date) / 365) AS age_now
            FROM (SELECT DISTINCT ON (child) child, on_date, code, number2
                  FROM child_facts WHERE kind = 'CareEntered' AND on_date <= @to
                  ORDER BY child, on_date DESC, occurred_at DESC, key DESC) e
            WHERE NOT EXISTS (SELECT 1 FROM child_facts c
                              WHERE c.kind = 'CareCeased' AND c.child = e.child AND c.on_date >= e.on_date AND c.on_date <= @to)
              AND COALESCE((SELECT l.code FROM child_facts l
                            WHERE l.kind = 'LegalStatusChanged' AND l.child = e.child AND l.on_date >= e.on_date AND l.on_date <= @to
                            ORDER BY l.on_date DESC, l.occurred_at DESC, l.key DESC LIMIT 1), e.code) NOT IN ('V3', 'V4')
        )
        """;

    /// <summary>
    /// current_placement(child, place, provider, within20): the placement of each looked-after child at @to (the latest
    /// of entry and placement changes in the episode; a change on the day of entry wins).
    /// </summary>
    public const string CurrentPlacement = LookedAfter + """
        ,
        current_placement AS (
            SELECT la.child, cp.code2 AS place, cp.number AS provider, cp.flag AS within20
            FROM looked_after la
            CROSS JOIN LATERAL (SELECT x.code2, x.number, x.flag FROM child_facts x
                                WHERE x.kind IN ('CareEntered', 'PlacementChanged') AND x.child = la.child
                                  AND x.on_date >= la.entered_on AND x.on_date <= @to
                                ORDER BY x.on_date DESC, x.kind DESC, x.occurred_at DESC, x.key DESC LIMIT 1) cp
        )
        """;

    public const string TwelveMonthsBefore = "(@to - interval '12 months')::date";
    public const string SixMonthsBefore = "(@to - interval '6 months')::date";
}
