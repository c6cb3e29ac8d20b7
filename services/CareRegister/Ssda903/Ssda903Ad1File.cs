using Partnership.ServiceDefaults.Persistence;

namespace Partnership.CareRegister.Ssda903;

public sealed record Ssda903Ad1Row(
    Ssda903Child Child, DateOnly DecisionOn, DateOnly MatchedOn, bool? FosterCarer, string? NumberOfAdopters, string? SexOfAdopters, string? AdoptersLegalStatus);

/// <summary>
/// AD1: children adopted in the year, with the date of the decision that they should be placed for adoption and the
/// date they were matched. The dates feed the adoption milestones, so a wrong one excludes the row; the adopters'
/// details are only stored, so a wrong code there is a warning.
/// </summary>
public sealed class Ssda903Ad1File : Ssda903RowFile<Ssda903Ad1Row>
{

    public override Ssda903FileKind Kind => Ssda903FileKind.Ad1;
    public override Ssda903SeenKeys Seen { get; } = new((short)Ssda903FileKind.Ad1);
    protected override string Table => "ssda903_ad1";
    protected override string[] Columns => ["date_int", "date_match", "foster_care", "nb_adoptr", "sex_adoptr", "ls_adoptr"];

    public override Ssda903Ad1Row? Read(Ssda903CsvFile file, Ssda903RowContext row, Ssda903ImportState state)
    {
        var child = Ssda903Fields.KnownChild(file, row, state);
        Ssda903DateOfBirthCheck.AgainstHeader(file, row, child);
        if (child is not null && !Seen.Add(child.LocalId))
        {
            row.Error("CHILD", Ssda903Rules.DuplicateChild, "The child already has an AD1 row; the later row is excluded.");
        }
        var decision = Ssda903Fields.Date(file, row, "DATE_INT", required: true);
        var matched = Ssda903Fields.Date(file, row, "DATE_MATCH", required: true);
        foreach (var (column, date) in new[] { ("DATE_INT", decision), ("DATE_MATCH", matched) })
        {
            if (date is { } d && d > state.Year.End)
            {
                row.Error(column, Ssda903Rules.DateOutOfYear, $"{column} is after the end of the collection year.");
            }
        }
        if (decision is { } i && matched is { } m && i > m)
        {
            row.Error("DATE_INT", Ssda903Rules.DateOrder, "DATE_INT (the decision that the child should be placed for adoption) is after DATE_MATCH.");
        }
        var fosterCarer = Ssda903Fields.Code(file, row, "FOSTER_CARE", Ssda903Codes.YesNo, required: false, invalidIsError: false);
        var number = Ssda903Fields.Code(file, row, "NB_ADOPTR", Ssda903Codes.NumberOfAdopters, required: false, invalidIsError: false);
        var sex = Ssda903Fields.Code(file, row, "SEX_ADOPTR", Ssda903Codes.SexOfAdopters, required: false, invalidIsError: false);
        var legalStatus = Ssda903Fields.Code(file, row, "LS_ADOPTR", Ssda903Codes.AdoptersLegalStatus, required: false, invalidIsError: false);
        bool?[] single =
        [
            number switch { "1" => true, "2" => false, _ => null },
            sex switch { "M1" or "F1" => true, "MM" or "FF" or "MF" => false, _ => null },
            legalStatus is null || !Ssda903Codes.AdoptersLegalStatus.Contains(legalStatus) ? null : legalStatus == "L0",
        ];
        if (single.OfType<bool>().Distinct().Count() > 1)
        {
            row.Warning("SEX_ADOPTR", Ssda903Rules.AdoptersInconsistent, "NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR do not agree on a single adopter or a couple.");
        }
        return child is null || decision is null || matched is null
            ? null
            : new Ssda903Ad1Row(child, decision.Value, matched.Value, fosterCarer switch { "1" => true, "0" => false, _ => null },
                Known(number, Ssda903Codes.NumberOfAdopters), Known(sex, Ssda903Codes.SexOfAdopters), Known(legalStatus, Ssda903Codes.AdoptersLegalStatus));
    }

    private static string? Known(string? code, IReadOnlySet<string> codes) => code is not null && codes.Contains(code) ? code : null;

    public override Ssda903Child ChildOf(Ssda903Ad1Row row) => row.Child;

    public override void Write(BinaryCopyWriter copy, Ssda903Ad1Row row)
    {
        copy.Write(row.DecisionOn);
        copy.Write(row.MatchedOn);
        copy.Write(row.FosterCarer);
        copy.Write(row.NumberOfAdopters);
        copy.Write(row.SexOfAdopters);
        copy.Write(row.AdoptersLegalStatus);
    }

    public override void Kept(Ssda903Ad1Row row, int line, Ssda903ImportState state)
    {
        var record = state.AdoptionOf(row.Child);
        record.Ad1Line = line;
        record.DecisionOn = row.DecisionOn;
        record.MatchedOn = row.MatchedOn;
    }
}
