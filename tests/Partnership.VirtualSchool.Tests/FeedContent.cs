using System.Net;
using System.Text;

namespace Partnership.VirtualSchool.Tests;

/// <summary>
/// A request body written line by line while it is sent (no length known in advance), as a school system streaming
/// its extract would send it; the service cannot learn the size up front and must read as it goes.
/// </summary>
public sealed class FeedContent(string mediaType, IEnumerable<string> lines) : HttpContent
{
    public FeedContent Init()
    {
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return this;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    public static FeedContent Csv(IEnumerable<string> lines) => new FeedContent("text/csv", lines).Init();

    public static FeedContent Ndjson(IEnumerable<string> lines) => new FeedContent("application/x-ndjson", lines).Init();
}
