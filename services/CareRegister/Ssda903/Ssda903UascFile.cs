using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Ssda903;

public sealed record Ssda903UascRow(Ssda903Child Child, DateOnly? CeasedToBeUasc);

/// <summary>UASC: unaccompanied asylum-seeking children and the date each ceased to be one (DUC).</summary>
public sealed class Ssda903UascFile : Ssda903RowFile<Ssda903UascRow>
{
    public override Ssda903FileKind Kind => Ssda903FileKind.Uasc;
    protected override string Table => "ssda903_uasc";
    protected override string[] Columns => ["duc"];

    public override Ssda903UascRow? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var child = Ssda903Fields.KnownChild(file, row, state);
        var duc = Ssda903Fields.Date(file, row, "DUC", required: false);
        if (duc is { } d && d > state.Year.End)
        {
            row.Error("DUC", Ssda903Rules.DateOutOfYear, "DUC is after the end of the collection year.");
        }
        return child is null ? null : new Ssda903UascRow(child, duc);
    }

    public override Ssda903Child ChildOf(Ssda903UascRow row) => row.Child;

    public override void Write(BinaryCopyWriter copy, Ssda903UascRow row) => copy.Write(row.CeasedToBeUasc);
}
