namespace Partnership.Board.Domain;

/// <summary>
/// The SSDA903 import currently in force for a collection year. Measures count only facts of this import, so a
/// re-import replaces the year as one unit even while its records are still arriving.
/// </summary>
public sealed class Ssda903Import
{
    public int CollectionYear { get; set; }
    public Guid ImportId { get; set; }
    public int Children { get; set; }
    public int Episodes { get; set; }
    public int Oc2Records { get; set; }
    public int Oc3Records { get; set; }
    public int MissingEpisodes { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
