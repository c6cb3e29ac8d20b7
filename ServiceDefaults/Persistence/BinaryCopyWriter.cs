using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Partnership.ServiceDefaults.Persistence;

/// <summary>
/// Writes rows straight into PostgreSQL's binary COPY format on a raw COPY stream, for bulk writes of hundreds of
/// thousands of rows. NpgsqlBinaryImporter binds a parameter, resolves a converter and measures the value for every
/// field, which was the largest share of an SSDA903 import's CPU (issue 7); here a field is a length and its bytes
/// encoded into one buffer, and a JSON body is serialised as UTF-8 straight into it rather than through a string.
/// Each value must have the binary format of its column's type (int for integer, short for smallint, string for
/// text or varchar): the server reads the bytes as the column's type, so a mismatch fails the COPY.
/// </summary>
public sealed class BinaryCopyWriter : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    // The server's DATE and TIMESTAMPTZ epoch.
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private const long EpochTicks = 630_822_816_000_000_000;

    // Strings come from decoded CSV and code: an unpaired surrogate is a bug, so it throws as Npgsql's encoding does.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly NpgsqlRawCopyStream? stream;
    private readonly short columns;
    private readonly string? heldCommand;
    private readonly List<(byte[] Chunk, int Length)> held = [];
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int position;
    private int fieldsInRow = -1;
    private bool completed;
    private JsonSink? jsonSink;
    private Utf8JsonWriter? json;
    private JsonSerializerOptions? jsonOptions;

    private BinaryCopyWriter(NpgsqlRawCopyStream? stream, short columns, string? heldCommand = null)
    {
        this.stream = stream;
        this.columns = columns;
        this.heldCommand = heldCommand;
        // Signature, flags (no OIDs), header extension length.
        ReadOnlySpan<byte> signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
        signature.CopyTo(buffer);
        position = signature.Length;
        WriteInt32(0);
        WriteInt32(0);
    }

    public static async Task<BinaryCopyWriter> BeginAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns,
        CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(CopyCommand(table, columns), cancellationToken);
        return new BinaryCopyWriter(stream, checked((short)columns.Count));
    }

    /// <summary>
    /// A writer that encodes its rows in memory, without a connection, for <see cref="SendAsync"/> to COPY later: the
    /// encoding (JSON bodies above all) can then run on another thread while the connection carries other rows. Its
    /// memory grows with the rows it holds, so it is for a bounded batch of them.
    /// </summary>
    public static BinaryCopyWriter Hold(string table, IReadOnlyList<string> columns) =>
        new(null, checked((short)columns.Count), CopyCommand(table, columns));

    private static string CopyCommand(string table, IReadOnlyList<string> columns) =>
        $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>COPYs what a <see cref="Hold"/> writer encoded, on <paramref name="connection"/>, and ends the COPY.</summary>
    public async Task SendAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (heldCommand is null)
        {
            throw new InvalidOperationException("Only a writer made by Hold is sent; a writer on a COPY is completed.");
        }
        WriteTrailer();
        SendBuffered();
        await using var copy = await connection.BeginRawBinaryCopyAsync(heldCommand, cancellationToken);
        foreach (var (chunk, length) in held)
        {
            await copy.WriteAsync(chunk.AsMemory(0, length), cancellationToken);
        }
        completed = true;
    }

    /// <summary>The buffer's size now: it grows only to fit one JSON field, never with the number of rows.</summary>
    public int BufferCapacity => buffer.Length;

    public void StartRow()
    {
        CheckRowComplete();
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), columns);
        position += 2;
        fieldsInRow = 0;
    }

    public void WriteNull()
    {
        Ensure(4);
        WriteInt32(-1);
        fieldsInRow++;
    }

    public void Write(Guid value) => value.TryWriteBytes(Field(16), bigEndian: true, out _);

    public void Write(int value) => BinaryPrimitives.WriteInt32BigEndian(Field(4), value);

    public void Write(short value) => BinaryPrimitives.WriteInt16BigEndian(Field(2), value);

    public void Write(bool value) => Field(1)[0] = value ? (byte)1 : (byte)0;

    public void Write(double value) => BinaryPrimitives.WriteDoubleBigEndian(Field(8), value);

    /// <summary>DateOnly.MinValue and MaxValue as -infinity and infinity, as Npgsql writes them by default.</summary>
    public void Write(DateOnly value) => BinaryPrimitives.WriteInt32BigEndian(Field(4),
        value == DateOnly.MaxValue ? int.MaxValue : value == DateOnly.MinValue ? int.MinValue : value.DayNumber - EpochDay);

    /// <summary>A timestamptz; like Npgsql, only a UTC offset is accepted, and the extremes are the infinities.</summary>
    public void Write(DateTimeOffset value)
    {
        if (value.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("A timestamp with time zone is written from a UTC DateTimeOffset only.", nameof(value));
        }
        BinaryPrimitives.WriteInt64BigEndian(Field(8),
            value == DateTimeOffset.MaxValue ? long.MaxValue : value == DateTimeOffset.MinValue ? long.MinValue : (value.UtcTicks - EpochTicks) / 10);
    }

    /// <summary>Text or varchar; null is NULL.</summary>
    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }
        Ensure(4 + Utf8.GetMaxByteCount(value.Length));
        var length = Utf8.GetBytes(value, buffer.AsSpan(position + 4));
        WriteInt32(length);
        position += length;
        fieldsInRow++;
    }

    // One overload per nullable type rather than a generic helper taking a delegate: a delegate per field costs an allocation.
    public void Write(int? value) { if (value is { } v) { Write(v); } else { WriteNull(); } }
    public void Write(short? value) { if (value is { } v) { Write(v); } else { WriteNull(); } }
    public void Write(bool? value) { if (value is { } v) { Write(v); } else { WriteNull(); } }
    public void Write(double? value) { if (value is { } v) { Write(v); } else { WriteNull(); } }
    public void Write(DateOnly? value) { if (value is { } v) { Write(v); } else { WriteNull(); } }

    /// <summary>A jsonb value serialised as UTF-8 into the row, with the same bytes JsonSerializer.Serialize would give as a string.</summary>
    public void WriteJsonb<T>(T value, JsonSerializerOptions options) =>
        WriteJson(options, jsonbVersion: true, value, static (writer, value, options) => JsonSerializer.Serialize(writer, value, options));

    /// <summary>A value serialised as JSON into a text column (the same UTF-8 bytes, without jsonb's version byte).</summary>
    public void WriteJsonText<T>(T value, JsonSerializerOptions options) =>
        WriteJson(options, jsonbVersion: false, value, static (writer, value, options) => JsonSerializer.Serialize(writer, value, options));

    /// <summary>JSON written by <paramref name="write"/> into a text column, for a shape no single value serialises to.</summary>
    public void WriteJsonText<TState>(JsonSerializerOptions options, TState state, Action<Utf8JsonWriter, TState, JsonSerializerOptions> write) =>
        WriteJson(options, jsonbVersion: false, state, write);

    private void WriteJson<TState>(JsonSerializerOptions options, bool jsonbVersion, TState state, Action<Utf8JsonWriter, TState, JsonSerializerOptions> write)
    {
        if (json is null || !ReferenceEquals(jsonOptions, options))
        {
            jsonSink ??= new JsonSink(this);
            json?.Dispose();
            json = new Utf8JsonWriter(jsonSink, new JsonWriterOptions
            {
                Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth,
            });
            jsonOptions = options;
        }
        // The buffer cannot be flushed while the field is open (its length comes first), so it grows instead. Flushing a
        // half-full buffer here keeps that growth to what one field needs: otherwise every field that reached the end
        // of the buffer doubled it, and a COPY of many events ended up holding all of them.
        if (position > buffer.Length / 2)
        {
            SendBuffered();
        }
        Ensure(5);
        var lengthAt = position;
        position += 4;
        if (jsonbVersion)
        {
            buffer[position++] = 1; // jsonb's binary format version
        }
        // The field's length is filled in after it: until then the buffer grows rather than being flushed.
        jsonSink!.Open = true;
        json.Reset();
        write(json, state, options);
        json.Flush();
        jsonSink.Open = false;
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(lengthAt), position - lengthAt - 4);
        fieldsInRow++;
    }

    /// <summary>Ends the COPY; a writer disposed without it cancels the COPY instead (and so fails the transaction).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            throw new InvalidOperationException("A writer made by Hold is sent, not completed.");
        }
        WriteTrailer();
        await stream.WriteAsync(buffer.AsMemory(0, position), cancellationToken);
        position = 0;
        completed = true;
        await stream.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!completed && stream is not null)
            {
                await stream.CancelAsync();
            }
        }
        finally
        {
            json?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            foreach (var (chunk, _) in held)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            held.Clear();
        }
    }

    /// <summary>The end of the COPY data, after the last row is checked complete.</summary>
    private void WriteTrailer()
    {
        CheckRowComplete();
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), -1);
        position += 2;
    }

    private void CheckRowComplete()
    {
        if (fieldsInRow >= 0 && fieldsInRow != columns)
        {
            throw new InvalidOperationException($"A COPY row had {fieldsInRow} fields for {columns} columns.");
        }
    }

    /// <summary>The next field's bytes, after its length.</summary>
    private Span<byte> Field(int length)
    {
        Ensure(4 + length);
        WriteInt32(length);
        var span = buffer.AsSpan(position, length);
        position += length;
        fieldsInRow++;
        return span;
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), value);
        position += 4;
    }

    /// <summary>
    /// Room for <paramref name="bytes"/> more: what is buffered is sent first, or, inside a field whose length is still
    /// to be filled in, the buffer grows.
    /// </summary>
    private void Ensure(int bytes)
    {
        if (buffer.Length - position >= bytes)
        {
            return;
        }
        if (jsonSink is not { Open: true })
        {
            SendBuffered();
            if (buffer.Length >= bytes)
            {
                return;
            }
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, position + bytes));
        buffer.AsSpan(0, position).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    /// <summary>
    /// A synchronous write, which only blocks when the socket is full, as NpgsqlBinaryImporter's field writes do; a
    /// held writer keeps the full buffer and takes a fresh one.
    /// </summary>
    private void SendBuffered()
    {
        if (stream is null)
        {
            held.Add((buffer, position));
            buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        }
        else
        {
            stream.Write(buffer, 0, position);
        }
        position = 0;
    }

    /// <summary>Lets Utf8JsonWriter write into the COPY buffer.</summary>
    private sealed class JsonSink(BinaryCopyWriter owner) : IBufferWriter<byte>
    {
        public bool Open { get; set; }

        public void Advance(int count) => owner.position += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            owner.Ensure(Math.Max(sizeHint, 256));
            return owner.buffer.AsMemory(owner.position);
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
