namespace Partnership.Missing.Domain;

/// <summary>
/// Why the episode refused a change. A conflict is the episode's state forbidding the step whatever the input
/// (ending twice, interviewing before the return): 409. A field refusal is an input that contradicts stored facts
/// and is fixed by correcting that field (an end before the start): 400 with the field named.
/// </summary>
public sealed record Refusal(string Message, string? Field = null)
{
    public bool IsFieldError => Field is not null;

    public static Refusal Conflict(string message) => new(message);

    public static Refusal OnField(string field, string message) => new(message, field);
}
