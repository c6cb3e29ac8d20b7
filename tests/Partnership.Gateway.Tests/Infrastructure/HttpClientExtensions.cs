using System.Net.Http.Headers;

namespace Partnership.Gateway.Tests.Infrastructure;

public static class HttpClientExtensions
{
    public static Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string path, string? token, string? correlationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, string path, string token, int bytes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(new byte[bytes]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // As curl does for a large body: wait for the server's go-ahead before sending it. Without it, a 413 sent while
        // the body is still going out closes the connection under the upload, and the client may see a broken pipe
        // instead of the answer (as in one clean-clone CI run).
        request.Headers.ExpectContinue = true;
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
