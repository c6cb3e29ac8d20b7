namespace Partnership.Board.Apis;

/// <summary>A value for a manual indicator: financial year by its start, optional quarter (none = whole year).</summary>
public sealed record ManualValueRequest(int? Year, int? Quarter, decimal? Value, int? Numerator, int? Denominator, string? Source, string? Note);

public sealed record ManualValueResponse(long Id, string Plan, string Indicator, string Period, int Year, int? Quarter, decimal Value,
    int? Numerator, int? Denominator, string Source, string? Note, string EnteredBy, DateTimeOffset EnteredAt);
