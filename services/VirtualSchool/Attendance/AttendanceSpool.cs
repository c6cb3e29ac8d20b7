using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Attendance;

/// <summary>
/// A copy of a feed's valid rows in a temporary file (deleted when disposed), written while the rows are copied
/// straight into the marks table, so that if that copy fails on a key conflict the feed can be read again into the
/// staged merge: the request body itself can only be read once. A run of one child's rows stores its key once.
/// Memory stays flat: the file's buffer is all this holds.
/// </summary>
public sealed class AttendanceSpool : IDisposable
{
    private readonly FileStream file;
    private readonly BinaryWriter writer;

    private AttendanceSpool(FileStream file)
    {
        this.file = file;
        writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The last child key written, so the parser can share one string across a run of that child's rows.</summary>
    public string? LastChildKey { get; private set; }

    public static AttendanceSpool Create() => new(new FileStream(
        Path.Combine(Path.GetTempPath(), $"attendance-feed-{Guid.NewGuid():N}.spool"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose));

    public void Write(in AttendanceRow row)
    {
        var sameChild = ReferenceEquals(row.ChildKey, LastChildKey) || string.Equals(row.ChildKey, LastChildKey, StringComparison.Ordinal);
        writer.Write(sameChild);
        if (!sameChild)
        {
            writer.Write(row.ChildKey);
            LastChildKey = row.ChildKey;
        }
        writer.Write(row.Row);
        writer.Write(row.Date.DayNumber);
        writer.Write((byte)row.Session);
        writer.Write(row.Mark);
        writer.Write((short)row.Category);
    }

    /// <summary>The rows written so far, in order; the spool is not written to again once read.</summary>
    public IEnumerable<AttendanceRow> Read()
    {
        writer.Flush();
        var end = file.Position;
        file.Position = 0;
        using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
        string childKey = "";
        while (file.Position < end)
        {
            if (!reader.ReadBoolean())
            {
                childKey = reader.ReadString();
            }
            yield return new AttendanceRow(
                reader.ReadInt64(), childKey, DateOnly.FromDayNumber(reader.ReadInt32()), (AttendanceSession)reader.ReadByte(),
                reader.ReadString(), (AttendanceCategory)reader.ReadInt16());
        }
    }

    public void Dispose()
    {
        writer.Dispose();
        file.Dispose();
    }
}
