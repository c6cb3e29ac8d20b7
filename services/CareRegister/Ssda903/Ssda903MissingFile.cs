using Partnership.ServiceDefaults.Persistence;
using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Data;
using Partnership.ServiceDefaults.Outbox;
using Partnership.Contracts.CareRegister.V1;

namespace Partnership.CareRegister.Ssda903;

public sealed record Ssda903MissingRow(Ssda903Child Child, string MissingType, DateOnly Start, DateOnly? End);

/// <summary>Missing: episodes missing (M) or away without authorisation (A) that started in the year.</summary>
public sealed class Ssda903MissingFile : Ssda903PublishingRowFile<Ssda903MissingRow, Ssda903MissingEpisodeImported>
{
    public override Ssda903FileKind Kind => Ssda903FileKind.Missing;
    protected override string Table => "ssda903_missing";
    protected override string[] Columns => ["missing", "mis_start", "mis_end"];

    public override Ssda903MissingRow? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var child = Ssda903Fields.KnownChild(file, row, state);
        Ssda903DateOfBirthCheck.AgainstHeader(file, row, child);
        var type = Ssda903Fields.Code(file, row, "MISSING", Ssda903Codes.MissingType, required: true);
        var start = Ssda903Fields.Date(file, row, "MIS_START", required: true);
        var end = Ssda903Fields.Date(file, row, "MIS_END", required: false);
        if (start is { } s && !state.Year.Contains(s))
        {
            row.Error("MIS_START", Ssda903Rules.DateOutOfYear, "MIS_START is outside the collection year.");
        }
        if (start is { } s2 && end is { } e && e < s2)
        {
            row.Error("MIS_END", Ssda903Rules.EndBeforeStart, "MIS_END is before MIS_START.");
        }
        return child is null || type is null || start is null ? null : new Ssda903MissingRow(child, type, start.Value, end);
    }

    public override Ssda903Child ChildOf(Ssda903MissingRow row) => row.Child;

    public override void Write(BinaryCopyWriter copy, Ssda903MissingRow row)
    {
        copy.Write(row.MissingType);
        copy.Write(row.Start);
        copy.Write(row.End);
    }

    protected override Ssda903MissingEpisodeImported ToEvent(Ssda903MissingRow row, Ssda903ImportState state) => new Ssda903MissingEpisodeImported
    {
        EventId = Ssda903EventIds.Next(),
        OccurredAt = state.ImportedAt,
        SourceAgency = state.SourceAgency,
        ChildKey = row.Child.ChildKey,
        ImportId = state.ImportId,
        CollectionYear = state.Year.EndYear,
        MissingType = row.MissingType,
        Start = row.Start,
        End = row.End,
        AgeAtStart = ChildAge.On(row.Child.DateOfBirth, row.Start),
    };
}
