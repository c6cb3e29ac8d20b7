using System.Globalization;

namespace Partnership.Dashboard.Board;

/// <summary>The view filters every page and export shares: plan (default plan when null), financial year start, quarter.</summary>
public sealed record BoardQuery(string? Plan, int? Year, int? Quarter)
{
    public string ToQueryString(string? format = null)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Plan))
        {
            parts.Add("plan=" + Uri.EscapeDataString(Plan));
        }
        if (Year is { } year)
        {
            parts.Add("year=" + year.ToString(CultureInfo.InvariantCulture));
        }
        if (Quarter is { } quarter)
        {
            parts.Add("quarter=" + quarter.ToString(CultureInfo.InvariantCulture));
        }
        if (format is not null)
        {
            parts.Add("format=" + format);
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
