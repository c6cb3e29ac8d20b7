using Partnership.Retention.Tests.Infrastructure;
using Partnership.Testing;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.Retention.Tests;

/// <summary>Raw session marks stay three years; the education records beside them are not touched.</summary>
public sealed class VirtualSchoolRetentionTests(VirtualSchoolRetentionTests.Host host) : IClassFixture<VirtualSchoolRetentionTests.Host>
{
    public sealed class Host() : ServiceFixture<VirtualSchoolDbContext>("virtualschooldb");

    [Fact]
    public async Task Session_marks_older_than_three_years_go_and_later_ones_stay()
    {
        var threeYearsAgo = DateOnly.FromDateTime(RetentionRun.Now.AddYears(-3).UtcDateTime);
        var old = new[] { threeYearsAgo.AddDays(-1), threeYearsAgo.AddDays(-200), threeYearsAgo.AddYears(-2) };
        var kept = new[] { threeYearsAgo, threeYearsAgo.AddDays(1), DateOnly.FromDateTime(RetentionRun.Now.UtcDateTime) };
        await host.Service.WithServiceAsync<VirtualSchoolDbContext, int>(db =>
        {
            foreach (var date in old.Concat(kept))
            {
                foreach (var session in new[] { AttendanceSession.AM, AttendanceSession.PM })
                {
                    db.AttendanceMarks.Add(new AttendanceMark
                    {
                        ChildKey = "RET-VS-0001", Date = date, Session = session, Mark = "/", Category = AttendanceCategory.Present,
                        SubmittedByAgency = "virtual-school", RecordedAt = RetentionRun.Now,
                    });
                }
            }
            return db.SaveChangesAsync();
        });
        var sql = new Sql(host.Service.ConnectionString);

        var dryRun = await RetentionRun.RunAsync(host.Service.Services, dryRun: true);
        Assert.Equal(6, dryRun.Rows("attendance-marks", VirtualSchoolDbContext.MarksTable));
        Assert.Equal(12, await sql.CountAsync("SELECT count(*) FROM attendance_marks"));

        var run = await RetentionRun.RunAsync(host.Service.Services);
        Assert.Equal(6, run.Rows("attendance-marks", VirtualSchoolDbContext.MarksTable));
        Assert.Equal(
            kept.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            await sql.StringsAsync("SELECT DISTINCT to_char(date, 'YYYY-MM-DD') FROM attendance_marks"));
    }
}
