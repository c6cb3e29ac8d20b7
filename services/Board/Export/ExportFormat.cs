namespace Partnership.Board.Export;

/// <summary>Every board view answers JSON, or CSV when asked by ?format=csv or an Accept header naming text/csv.</summary>
public static class ExportFormat
{
    public const string CsvMediaType = "text/csv";

    public static bool WantsCsv(HttpRequest request, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || (format is null && request.Headers.Accept.Any(a => a?.Contains(CsvMediaType, StringComparison.OrdinalIgnoreCase) == true));

    public static IResult Respond<T>(HttpRequest request, string? format, T body, Func<T, CsvTable> toCsv, string fileName) =>
        WantsCsv(request, format)
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(toCsv(body).ToString()), CsvMediaType + "; charset=utf-8", fileName)
            : TypedResults.Ok(body);
}
