using Partnership.ServiceDefaults.Persistence;
using Partnership.CareRegister.Data;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.CareRegister.Ssda903;

/// <summary>
/// A file of one row per record that needs no other rows of the file to be judged, beyond its duplicate rule: read
/// a batch at a time, each batch's kept rows COPYed and their events staged in the outbox before the next is read.
/// </summary>
public abstract class Ssda903RowFile<TRow> where TRow : class
{
    public abstract Ssda903FileKind Kind { get; }

    /// <summary>The import table's columns after the common import_id, collection_year, row_number, child, child_key.</summary>
    protected abstract string Table { get; }
    protected abstract string[] Columns { get; }

    private IReadOnlyList<string> CopyColumns => [.. Ssda903YearWriter.CommonColumns, .. Columns];

    /// <summary>Reads the current record; issues go to the context, which says whether the row is excluded.</summary>
    public abstract TRow? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state);

    public abstract Ssda903Child ChildOf(TRow row);

    /// <summary>Writes the columns of <see cref="Columns"/>, in order.</summary>
    public abstract void Write(BinaryCopyWriter copy, TRow row);

    /// <summary>Called for each row the first pass keeps, for files whose rows later steps of the import need.</summary>
    public virtual void Kept(TRow row, int line, Ssda903ImportState state)
    {
    }

    /// <summary>The keys of the file's duplicate rule, when it has one.</summary>
    public virtual Ssda903SeenKeys? Seen => null;

    public virtual bool PublishesEvents => false;

    /// <summary>Reads the selected record of <paramref name="file"/>; a kept row joins <paramref name="kept"/> with its line.</summary>
    public void ReadSelected(Ssda903CsvFile file, Ssda903RowContext context, Ssda903ImportState state, List<(TRow Row, int Line)> kept)
    {
        context.Reset(file.Line);
        var row = Read(file, context, state);
        if (row is null || context.Excluded)
        {
            return;
        }
        Kept(row, context.Row, state);
        kept.Add((row, context.Row));
    }

    /// <summary>COPYs the kept rows into the file's table.</summary>
    public async Task WriteKeptAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<(TRow Row, int Line)> kept, Ssda903ImportState state,
        CancellationToken ct)
    {
        if (kept.Count == 0)
        {
            return;
        }
        await using var copy = await BinaryCopyWriter.BeginAsync(connection, Table, CopyColumns, ct);
        foreach (var (row, line) in kept)
        {
            Ssda903YearWriter.WriteCommon(copy, state, line, ChildOf(row));
            Write(copy, row);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>Stages the events of the kept rows in the outbox (bulk COPY), inside the import's transaction.</summary>
    public virtual Task<int> WriteEventsAsync(CareRegisterDbContext db, IEnumerable<TRow> keptRows, Ssda903ImportState state, TimeProvider clock, CancellationToken ct) =>
        Task.FromResult(0);

    /// <summary>The kept rows' events encoded for a later outbox COPY; null for a file without events.</summary>
    public virtual BinaryCopyWriter? HoldEvents(IEnumerable<TRow> keptRows, Ssda903ImportState state, TimeProvider clock) => null;
}

/// <summary>A row file whose kept rows are each published as one integration event.</summary>
public abstract class Ssda903PublishingRowFile<TRow, TEvent> : Ssda903RowFile<TRow>
    where TRow : class
    where TEvent : IntegrationEvent
{
    protected abstract TEvent ToEvent(TRow row, Ssda903ImportState state);

    public sealed override bool PublishesEvents => true;

    public sealed override Task<int> WriteEventsAsync(CareRegisterDbContext db, IEnumerable<TRow> keptRows, Ssda903ImportState state, TimeProvider clock,
        CancellationToken ct) =>
        db.AddIntegrationEventsAsync(keptRows.Select(r => ToEvent(r, state)), clock, ct);

    public sealed override BinaryCopyWriter? HoldEvents(IEnumerable<TRow> keptRows, Ssda903ImportState state, TimeProvider clock) =>
        OutboxBulkWriter.HoldIntegrationEvents(keptRows.Select(r => ToEvent(r, state)), clock);
}
