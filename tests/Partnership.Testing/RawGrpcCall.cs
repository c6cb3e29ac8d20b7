using System.Net;
using System.Net.Http.Headers;

namespace Partnership.Testing;

/// <summary>
/// A gRPC call written by hand, for tests of the transport around a gRPC service (gateway routing, authentication)
/// rather than of the service. Compiled into test projects that do not reference this library as a linked file.
/// </summary>
public static class RawGrpcCall
{
    /// <summary>What a gRPC client sends: POST over HTTP/2 with prior knowledge, application/grpc, one empty message frame.</summary>
    public static HttpRequestMessage Empty(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>gRPC puts its status in the trailers, or in the headers of a response that has no message.</summary>
    public static string? Status(HttpResponseMessage response) =>
        response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
        : response.Headers.TryGetValues("grpc-status", out var header) ? header.Single()
        : null;
}
