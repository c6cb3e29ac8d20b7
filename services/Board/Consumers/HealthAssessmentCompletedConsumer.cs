using MassTransit;
using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;
using Partnership.Board.Domain;
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
    protected override async Task HandleAsync(HealthAssessmentCompleted message, CancellationToken cancellationToken)
    {
        var fact = await Db.HealthAssessments.FirstOrDefaultAsync(f => f.AssessmentId == message.AssessmentId, cancellationToken);
        if (fact is not null && fact.OccurredAt > message.OccurredAt)
        {
            return;
        }
        if (fact is null)
        {
            fact = new HealthAssessmentFact { AssessmentId = message.AssessmentId, ChildPseudonym = string.Empty };
            Db.HealthAssessments.Add(fact);
        }

        fact.ChildPseudonym = pseudonymiser.Pseudonymise(message.ChildKey);
        fact.AssessmentType = message.AssessmentType;
        fact.DueDate = message.DueDate;
        fact.CompletedOn = message.CompletedOn;
        fact.WithinTimescale = message.CompletedOn <= message.DueDate;
        fact.WishesAndFeelingsRecorded = message.WishesAndFeelingsRecorded;
        fact.SourceEventId = message.EventId;
        fact.OccurredAt = message.OccurredAt;
        fact.ReceivedAt = clock.GetUtcNow();
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
