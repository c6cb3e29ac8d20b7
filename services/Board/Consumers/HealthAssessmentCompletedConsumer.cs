using MassTransit;
using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts.Health.V1;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;

namespace Partnership.Board.Consumers;

/// <summary>
/// Records a completed assessment as a board fact. Redeliveries are absorbed by the inbox; a corrected assessment
/// (same assessment id, newer event) replaces the fact, and an out-of-date version arriving late is ignored.
/// </summary>
public sealed class HealthAssessmentCompletedConsumer(
    BoardDbContext db, ChildPseudonymiser pseudonymiser, TimeProvider clock, ILogger<HealthAssessmentCompletedConsumer> logger)
    : IdempotentStatementConsumer<HealthAssessmentCompleted, BoardDbContext>(db, logger)
{
    // One upsert, with the inbox row, instead of a read and a tracked insert or update: two versions of one assessment
    // arriving together no longer race to insert the same key. Casts: a SELECT list gives a null no column type.
    protected override void AppendStatement(PositionalSql sql, HealthAssessmentCompleted message)
    {
        var pseudonym = pseudonymiser.Pseudonymise(message.ChildKey);
        var type = message.AssessmentType.ToString();
        var withinTimescale = message.CompletedOn <= message.DueDate;
        var receivedAt = clock.GetUtcNow();
        sql.Append($"""
            INSERT INTO health_assessment_facts ("AssessmentId", "ChildPseudonym", "AssessmentType", "DueDate", "CompletedOn",
                "WithinTimescale", "WishesAndFeelingsRecorded", "SourceEventId", "OccurredAt", "ReceivedAt")
            SELECT {message.AssessmentId}::uuid, {pseudonym}::text, {type}::text, {message.DueDate}::date, {message.CompletedOn}::date,
                {withinTimescale}::boolean, {message.WishesAndFeelingsRecorded}::boolean, {message.EventId}::uuid,
                {message.OccurredAt}::timestamptz, {receivedAt}::timestamptz
            FROM inbox_new
            ON CONFLICT ("AssessmentId") DO UPDATE SET
                "ChildPseudonym" = EXCLUDED."ChildPseudonym", "AssessmentType" = EXCLUDED."AssessmentType",
                "DueDate" = EXCLUDED."DueDate", "CompletedOn" = EXCLUDED."CompletedOn",
                "WithinTimescale" = EXCLUDED."WithinTimescale", "WishesAndFeelingsRecorded" = EXCLUDED."WishesAndFeelingsRecorded",
                "SourceEventId" = EXCLUDED."SourceEventId", "OccurredAt" = EXCLUDED."OccurredAt", "ReceivedAt" = EXCLUDED."ReceivedAt"
            WHERE health_assessment_facts."OccurredAt" <= EXCLUDED."OccurredAt"
            """);
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
