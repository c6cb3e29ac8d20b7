using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>Builds a request that reaches one endpoint of the route table, with harmless sample route values.</summary>
public static partial class ProbeRequest
{
    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.Ordinal)
    {
        ["childKey"] = "SEC-MATRIX-0001",
        ["date"] = "2026-11-02",
        ["session"] = "AM",
        ["id"] = "1.1",
        ["collectionYear"] = "2026",
        ["documentName"] = "v1",
        ["unimplementedService"] = "security.v1.Nothing",
        ["unimplementedMethod"] = "Nothing",
    };

    /// <summary>An empty gRPC message frame: not compressed, length zero; it parses as the default of any message type.</summary>
    private static readonly byte[] EmptyGrpcMessage = [0, 0, 0, 0, 0];

    public static HttpRequestMessage For(AccessRules.Rule rule, IReadOnlyList<string> accepts, string? token)
    {
        var path = Parameter().Replace(rule.Pattern, m => Sample(m.Groups["name"].Value, m.Groups["constraint"].Value));
        HttpRequestMessage request;
        if (rule.Transport == AccessRules.Transport.Grpc)
        {
            request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(EmptyGrpcMessage),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        }
        else
        {
            request = new HttpRequestMessage(new HttpMethod(rule.Method), path);
            if (rule.Method is "POST" or "PUT")
            {
                request.Content = Body(accepts.FirstOrDefault() ?? "application/json");
            }
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>The smallest body of the accepted type: not valid for the handler, but routed to it.</summary>
    private static HttpContent Body(string contentType) => contentType switch
    {
        "multipart/form-data" => new MultipartFormDataContent { { new StringContent("x"), "file", "empty.csv" } },
        "application/json" => new StringContent("{}", Encoding.UTF8, "application/json"),
        _ => new StringContent("x", Encoding.UTF8, contentType),
    };

    private static string Sample(string name, string constraint) => constraint switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" => "2026",
        _ => SampleValues.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"No sample value for route parameter '{name}': add one to ProbeRequest."),
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\??\}")]
    private static partial Regex Parameter();
}
