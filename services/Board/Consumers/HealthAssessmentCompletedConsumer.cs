using MassTransit;
using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.Health.V1;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.Board.Consumers;

/// <summary>
/// Records a completed assessment as a board fact. Redeliveries are absorbed by the inbox; a corrected assessment
/// (same assessment id, newer event) replaces the fact, and an out-of-date version arriving late is ignored.
/// </summary>
public sealed class HealthAssessmentCompletedConsumer(
    BoardDbContext db, ChildPseudonymiser pseudonymiser, TimeProvider clock, ILogger<HealthAssessmentCompletedConsumer> logger)
    : IdempotentConsumer<HealthAssessmentCompleted, BoardDbContext>(db, logger)
{
    // One upsert instead of a read and a tracked insert or update: a round trip less per event, and two versions of one
    // assessment arriving together no longer race to insert the same key.
    protected override Task HandleAsync(HealthAssessmentCompleted message, CancellationToken cancellationToken)
    {
        var pseudonym = pseudonymiser.Pseudonymise(message.ChildKey);
        var type = message.AssessmentType.ToString();
        var withinTimescale = message.CompletedOn <= message.DueDate;
        var receivedAt = clock.GetUtcNow();
        return Db.Database.ExecuteSqlAsync($"""
            INSERT INTO health_assessment_facts ("AssessmentId", "ChildPseudonym", "AssessmentType", "DueDate", "CompletedOn",
                "WithinTimescale", "WishesAndFeelingsRecorded", "SourceEventId", "OccurredAt", "ReceivedAt")
            VALUES ({message.AssessmentId}, {pseudonym}, {type}, {message.DueDate}, {message.CompletedOn},
                {withinTimescale}, {message.WishesAndFeelingsRecorded}, {message.EventId}, {message.OccurredAt}, {receivedAt})
            ON CONFLICT ("AssessmentId") DO UPDATE SET
                "ChildPseudonym" = EXCLUDED."ChildPseudonym", "AssessmentType" = EXCLUDED."AssessmentType",
                "DueDate" = EXCLUDED."DueDate", "CompletedOn" = EXCLUDED."CompletedOn",
                "WithinTimescale" = EXCLUDED."WithinTimescale", "WishesAndFeelingsRecorded" = EXCLUDED."WishesAndFeelingsRecorded",
                "SourceEventId" = EXCLUDED."SourceEventId", "OccurredAt" = EXCLUDED."OccurredAt", "ReceivedAt" = EXCLUDED."ReceivedAt"
            WHERE health_assessment_facts."OccurredAt" <= EXCLUDED."OccurredAt"
            """, cancellationToken);
    }
}

public sealed class HealthAssessmentCompletedConsumerDefinition : ConsumerDefinition<HealthAssessmentCompletedConsumer>
{
    public HealthAssessmentCompletedConsumerDefinition()
    {
        // Facts for one assessment must not race each other; a modest limit keeps PostgreSQL connections bounded.
        ConcurrentMessageLimit = 16;
    }
}
