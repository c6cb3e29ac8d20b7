using System.Net.Http.Headers;
using System.Text;

namespace Partnership.Security.Tests.HostileInput;

/// <summary>Broken files on the two bulk routes: the virtual school's attendance feed and the care register's SSDA903 return.</summary>
public sealed class MalformedFeedTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const string Header = "childKey,date,session,mark";

    public static TheoryData<string, string> BrokenAttendanceFeeds => new()
    {
        { "unterminated quote", $"{Header}\n\"SEC-0001,2026-05-04,AM,/\nSEC-0002,2026-05-04,AM,/\n" },
        { "too many columns", $"{Header}\nSEC-0001,2026-05-04,AM,/,extra,cells\n" },
        { "too few columns", $"{Header}\nSEC-0001,2026-05-04\n" },
        { "no header", "SEC-0001,2026-05-04,AM,/\n" },
        { "binary", "\u0000\u0001\u0002\u00ff\ufffd\u0000PK\u0003\u0004" },
        { "unknown mark", $"{Header}\nSEC-0001,2026-05-04,AM,DROP TABLE\n" },
        { "impossible date", $"{Header}\nSEC-0001,2026-02-31,AM,/\n" },
        { "unknown session", $"{Header}\nSEC-0001,2026-05-04,NIGHT,/\n" },
        { "good rows then a bad one", $"{Header}\nSEC-0001,2026-05-04,AM,/\nSEC-0001,2026-05-04,PM,/\nSEC-0001,not-a-date,AM,/\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenAttendanceFeeds))]
    public async Task A_broken_attendance_feed_is_refused_whole(string problem, string csv)
    {
        Assert.NotEmpty(problem);
        using var http = await fixture.ClientAsync(fixture.VirtualSchool, "virtual-school-system");
        await Refusal.AssertRefusedAsync(fixture.VirtualSchool,
            () => http.PostAsync("/api/virtual-school/attendance/bulk", new StringContent(csv, Encoding.UTF8, "text/csv")));
    }

    public static TheoryData<string, string> BrokenReturns => new()
    {
        { "header.csv", "\u0000\u0001\u0002\u00ff binary \u0000" },
        { "header.csv", "CHILD,SEX,DOB\n\"unterminated,1,2010-01-01\n" },
        { "episodes.csv", "\"" },
        { "nonsense.exe", "MZ\u0090\u0000" },
    };

    [Theory]
    [MemberData(nameof(BrokenReturns))]
    public async Task A_broken_ssda903_return_is_refused_whole(string fileName, string content)
    {
        using var http = await fixture.ClientAsync(fixture.CareRegister, "social-care-system");
        await Refusal.AssertRefusedAsync(fixture.CareRegister, () =>
        {
            var form = new MultipartFormDataContent();
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, "files", fileName);
            return http.PostAsync("/api/care-register/imports/2026", form);
        });
    }
}
