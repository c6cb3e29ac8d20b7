using System.Globalization;
using MudBlazor;
using Partnership.Dashboard.Board;

namespace Partnership.Dashboard.Components.Shared;

/// <summary>How board values are written on the page: units, RAG and trend always as words, colour only in addition.</summary>
public static class Display
{
    // The services run with invariant globalization; its month names are English and the formats below are British.
    private static readonly CultureInfo UkCulture = CultureInfo.InvariantCulture;

    public sealed record RagLook(string CssClass, string Icon, string Label, string Meaning);

    public static RagLook Rag(string? rag) => rag switch
    {
        "Green" => new("rag-green", Icons.Material.Filled.CheckCircle, "Green", "on or better than target"),
        "Amber" => new("rag-amber", Icons.Material.Filled.Warning, "Amber", "close to target"),
        "Red" => new("rag-red", Icons.Material.Filled.Cancel, "Red", "off target"),
        "Monitor" => new("rag-monitor", Icons.Material.Filled.Visibility, "Monitor", "no numeric target"),
        "NoData" => new("rag-nodata", Icons.Material.Filled.HelpOutline, "No data", "no publishable value for the period"),
        null or "" => new("rag-nodata", Icons.Material.Filled.HelpOutline, "Not rated", "no status given"),
        _ => new("rag-nodata", Icons.Material.Filled.HelpOutline, rag, ""),
    };

    public sealed record TrendLook(string Icon, string Label);

    public static TrendLook Trend(string? trend) => trend switch
    {
        "Improving" => new(Icons.Material.Filled.TrendingUp, "Improving"),
        "Declining" => new(Icons.Material.Filled.TrendingDown, "Declining"),
        "Stable" => new(Icons.Material.Filled.TrendingFlat, "Stable"),
        _ => new(Icons.Material.Filled.Remove, "Not comparable"),
    };

    public static string Value(decimal? value, string unit, bool suppressed = false)
    {
        if (value is not { } v)
        {
            return suppressed ? "Suppressed" : "No data";
        }
        var number = v.ToString("0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            "%" => number + "%",
            "days" => number + " days",
            "milestone" => v >= 1 ? "Done" : "Outstanding",
            _ => number,
        };
    }

    public static string Count(CountDto? count) => count switch
    {
        null => "",
        { Suppressed: true } => "Suppressed",
        { Value: { } v } => v.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    public static string Polarity(string polarity) => polarity switch
    {
        "HigherIsBetter" => "Higher is better",
        "LowerIsBetter" => "Lower is better",
        _ => polarity,
    };

    public static string SourceKind(string? kind) => kind switch
    {
        "AgencyEvents" => "Computed from agency records",
        "CareRegister" => "Computed from the care register and SSDA903 returns",
        "Manual" => "Entered by a board officer",
        _ => kind ?? "Unknown",
    };

    public static string AsAt(DateTimeOffset? asAt) =>
        asAt is { } t ? t.ToUniversalTime().ToString("d MMMM yyyy 'at' HH:mm 'UTC'", UkCulture) : "No data yet";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", UkCulture);

    /// <summary>The financial year that contains a date (April to March), as its start year.</summary>
    public static int FinancialYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static int QuarterOf(DateOnly date) => ((date.Month + 8) % 12) / 3 + 1;

    public static string FinancialYearLabel(int year) => $"{year}/{(year + 1) % 100:D2}";
}
