using System.Net.Http.Headers;

namespace Partnership.CareRegister.Tests;

public static class Ssda903Uploads
{
    /// <summary>One multipart part per CSV of the folder, as a local authority's system would send its return.</summary>
    public static MultipartFormDataContent FromFolder(string folder)
    {
        var form = new MultipartFormDataContent();
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var part = new StreamContent(File.OpenRead(path));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, "files", Path.GetFileName(path));
        }
        return form;
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ssda903-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
