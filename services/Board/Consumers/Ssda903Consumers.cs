using Microsoft.EntityFrameworkCore;
using Partnership.Board.Data;
using Partnership.Board.Domain;
using Partnership.Board.Pseudonymisation;
using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Outbox;
using static Partnership.Board.Domain.FactKinds;

namespace Partnership.Board.Consumers;

/// <summary>
/// SSDA903 records. A record of an import that a newer, completed import of its year has already replaced is dropped,
/// so a slow straggler cannot bring back an old return; measures in any case count only the year's current import.
/// </summary>
public abstract class Ssda903RecordConsumer<TEvent>(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger logger)
    : FactConsumer<TEvent>(db, p, clock, logger)
    where TEvent : IntegrationEvent
{
    protected abstract (Guid ImportId, int CollectionYear) ImportOf(TEvent message);

    protected override FormattableString Condition(TEvent message)
    {
        var (importId, year) = ImportOf(message);
        return $"""
            NOT EXISTS (SELECT 1 FROM ssda903_imports i
                        WHERE i.collection_year = {year}::integer AND i.import_id <> {importId}::uuid AND i.occurred_at > {message.OccurredAt}::timestamptz)
            """;
    }

    /// <summary>SSDA903 outcome records describe the year as at 31 March.</summary>
    protected static DateOnly YearEnd(int collectionYear) => new(collectionYear, 3, 31);
}

public sealed class Ssda903EpisodeImportedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<Ssda903EpisodeImportedConsumer> logger)
    : Ssda903RecordConsumer<Ssda903EpisodeImported>(db, p, clock, logger)
{
    protected override (Guid, int) ImportOf(Ssda903EpisodeImported e) => (e.ImportId, e.CollectionYear);

    protected override ChildFact ToFact(Ssda903EpisodeImported e, string child)
    {
        var f = Fact(Ssda903Episode, $"{e.ImportId:N}|{child}|{Day(e.Start)}", child, e.Start);
        f.OtherDate = e.End;
        f.Code = e.LegalStatus;
        f.Code2 = e.PlacementType;
        f.Code3 = e.ReasonCeased;
        f.Number = e.CollectionYear;
        f.Number2 = e.AgeAtYearEnd;
        f.Number3 = (int?)e.Provider;
        f.Flag = e.WithinTwentyMiles;
        f.ImportId = e.ImportId;
        return f;
    }
}

public sealed class Ssda903Oc2OutcomeImportedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<Ssda903Oc2OutcomeImportedConsumer> logger)
    : Ssda903RecordConsumer<Ssda903Oc2OutcomeImported>(db, p, clock, logger)
{
    protected override (Guid, int) ImportOf(Ssda903Oc2OutcomeImported e) => (e.ImportId, e.CollectionYear);

    protected override ChildFact ToFact(Ssda903Oc2OutcomeImported e, string child)
    {
        var f = Fact(Oc2, $"{e.ImportId:N}|{child}", child, YearEnd(e.CollectionYear));
        f.Number = e.CollectionYear;
        f.Number2 = e.AgeAtYearEnd;
        f.Number3 = e.SdqScore;
        f.Flag = e.HealthAssessmentUpToDate;
        f.Flag2 = e.Convicted;
        f.Flag3 = e.TeethChecked;
        f.ImportId = e.ImportId;
        return f;
    }
}

public sealed class Ssda903Oc3OutcomeImportedConsumer(BoardDbContext db, ChildPseudonymiser p, TimeProvider clock, ILogger<Ssda903Oc3OutcomeImportedConsumer> logger)
    : Ssda903RecordConsumer<Ssda903Oc3OutcomeImported>(db, p, clock, logger)
{
    protected override (Guid, int) ImportOf(Ssda903Oc3OutcomeImported e) => (e.ImportId, e.CollectionYear);

    protected override ChildFact ToFact(Ssda903Oc3OutcomeImported e, string child)
    {
        var f = Fact(Oc3, $"{e.ImportId:N}|{child}", child, YearEnd(e.CollectionYear));
        f.Number = e.CollectionYear;
        f.Number2 = e.AgeAtBirthdayInYear;
        f.Code = e.InTouch;
        f.Code2 = e.Activity;
        f.Code3 = e.Accommodation;
        f.ImportId = e.ImportId;
        return f;
    }
}

/// <summary>
/// A completed import of a collection year. The newest import (by OccurredAt) becomes the year's current one and the
/// facts of every other import of that year are deleted; an older import's completion arriving late changes nothing.
/// </summary>
public sealed class Ssda903YearImportedConsumer(BoardDbContext db, TimeProvider clock, ILogger<Ssda903YearImportedConsumer> logger)
    : IdempotentConsumer<Ssda903YearImported, BoardDbContext>(db, logger)
{
    protected override async Task HandleAsync(Ssda903YearImported message, CancellationToken cancellationToken)
    {
        var current = await Db.Ssda903Imports.FirstOrDefaultAsync(i => i.CollectionYear == message.CollectionYear, cancellationToken);
        if (current is not null && current.OccurredAt > message.OccurredAt)
        {
            return;
        }
        if (current is null)
        {
            current = new Ssda903Import { CollectionYear = message.CollectionYear };
            Db.Ssda903Imports.Add(current);
        }
        current.ImportId = message.ImportId;
        current.Children = message.Children;
        current.Episodes = message.Episodes;
        current.Oc2Records = message.Oc2Records;
        current.Oc3Records = message.Oc3Records;
        current.MissingEpisodes = message.MissingEpisodes;
        current.OccurredAt = message.OccurredAt;
        current.ReceivedAt = clock.GetUtcNow();

        string[] kinds = [.. Ssda903];
        await Db.Facts
            .Where(f => kinds.Contains(f.Kind) && f.Number == message.CollectionYear && f.ImportId != message.ImportId)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
