using System.Text.Json;
using System.Text.Json.Nodes;
using Partnership.Contracts;
using Partnership.Contracts.Health.V1;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.UnitTests;

/// <summary>A batch outbox row's JSON: what all its events share is written once, and every event reads back whole.</summary>
public sealed class OutboxBatchJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Values_every_event_shares_are_written_once_and_each_event_reads_back_equal()
    {
        var row = Enumerable.Range(0, 5).Select(i => Event(i, sdq: i == 4 ? 17 : null)).ToArray();

        var json = Write(row);

        var root = JsonNode.Parse(json)!.AsObject();
        var shared = root["shared"]!.AsObject().Select(p => p.Key).Order().ToArray();
        Assert.Equal(["assessmentType", "dentalCheckUpToDate", "dueDate", "immunisationsUpToDate", "occurredAt", "schemaVersion", "sourceAgency",
            "wishesAndFeelingsRecorded"], shared);
        var events = root["events"]!.AsArray();
        Assert.Equal(5, events.Count);
        Assert.All(events, e => Assert.DoesNotContain(e!.AsObject(), p => shared.Contains(p.Key)));
        Assert.Equal(row, OutboxBatchJson.Read(json, typeof(HealthAssessmentCompleted)).Cast<HealthAssessmentCompleted>());
    }

    [Fact]
    public void A_row_of_one_event_and_a_row_written_before_sharing_are_plain_arrays_that_still_read()
    {
        var single = new[] { Event(0, sdq: 3) };
        Assert.StartsWith("[", Write(single));
        Assert.Equal(single, OutboxBatchJson.Read(Write(single), typeof(HealthAssessmentCompleted)).Cast<HealthAssessmentCompleted>());

        var older = new[] { Event(1, sdq: null), Event(2, sdq: 9) };
        var array = JsonSerializer.Serialize(older, ContractJson.Options);
        Assert.Equal(older, OutboxBatchJson.Read(array, typeof(HealthAssessmentCompleted)).Cast<HealthAssessmentCompleted>());
    }

    private static string Write(HealthAssessmentCompleted[] row)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            OutboxBatchJson.Write(writer, row, ContractJson.Options);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static HealthAssessmentCompleted Event(int i, int? sdq) => new()
    {
        EventId = Guid.CreateVersion7(), OccurredAt = At, SourceAgency = Agencies.Health, ChildKey = $"C-TEST{i:D4}",
        AssessmentId = Guid.CreateVersion7(), AssessmentType = HealthAssessmentType.Review, DueDate = new DateOnly(2026, 10, 10),
        CompletedOn = new DateOnly(2026, 10, 1).AddDays(i), SdqScore = sdq,
    };
}
