using System.Text;

namespace Partnership.Admin;

/// <summary>
/// The headers MassTransit adds when it moves a message to an _error queue (MT-Reason, MT-Fault-*). They describe the
/// failed attempt, so a replayed copy leaves them behind and carries a replay marker instead.
/// </summary>
public static class FaultHeaders
{
    public const string Reason = "MT-Reason";
    public const string ExceptionType = "MT-Fault-ExceptionType";
    public const string Message = "MT-Fault-Message";
    public const string ReplayedAt = "Partnership-Replayed-At";
    public const string ReplayedFrom = "Partnership-Replayed-From";

    public static bool IsFaultHeader(string name) =>
        name.Equals(Reason, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase);

    /// <summary>AMQP delivers string headers as byte arrays; everything else is shown as it comes.</summary>
    public static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                null => null,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                _ => value.ToString(),
            }
            : null;
}
