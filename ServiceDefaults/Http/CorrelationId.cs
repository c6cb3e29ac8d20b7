namespace Partnership.ServiceDefaults.Http;

public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ItemKey = "Partnership.CorrelationId";

    /// <summary>Accepts a caller's id only when it is short and plain, so a hostile header cannot pollute logs.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
