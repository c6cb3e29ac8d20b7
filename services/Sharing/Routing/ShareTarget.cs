using Partnership.Contracts;
using Partnership.Sharing.Decisions;
using Partnership.Sharing.Domain;

namespace Partnership.Sharing.Routing;

/// <summary>
/// One place an event's facts might go. <see cref="Precondition"/> is a flow's own refusal (for example, not known to
/// be an adult), recorded like any other decision instead of asking the rules.
/// </summary>
public sealed record ShareTarget(string Recipient, DataCategory Category, Purpose Purpose, object Facts, DecisionResult? Precondition = null)
{
    /// <summary>The board's feed: aggregate monitoring only, with facts that identify no one.</summary>
    public static ShareTarget Board(DataCategory category, IntegrationEvent evt, DateTimeOffset when, int? ageYears = null) =>
        new(Agencies.Board, category, Purpose.AggregateMonitoring, new BoardFacts(evt.GetType().Name, when.ToString("yyyy-MM"), AgeBand(ageYears)));

    private static string? AgeBand(int? age) => age switch
    {
        null => null,
        < 5 => "0-4",
        < 10 => "5-9",
        < 16 => "10-15",
        < 18 => "16-17",
        _ => "18+",
    };
}

/// <summary>What the board receives: the kind of event, the month and an age band; never a key, name or date.</summary>
public sealed record BoardFacts(string EventType, string Month, string? AgeBand);
