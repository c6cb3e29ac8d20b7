using System.Globalization;
using System.Text;

namespace Partnership.Faults.Tests.Accounting;

/// <summary>Collects the rows of a run and renders them as the Markdown table CI logs and artifacts/faults-report.md show.</summary>
public sealed class FaultReport(string path)
{
    private readonly Lock _lock = new();
    private readonly List<FaultRow> _rows = [];
    private readonly List<string> _readiness = [];

    public void Add(FaultRow row)
    {
        lock (_lock)
        {
            _rows.Add(row);
        }
        Save();
    }

    public void AddReadiness(string line)
    {
        lock (_lock)
        {
            _readiness.Add(line);
        }
        Save();
    }

    public static string Table(IEnumerable<FaultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| Fault | Sent | Accepted (201) | Unconfirmed | Counted | Lost | Duplicated | Redeliveries absorbed | Outage | Recovery | Note |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Fault} | {r.Sent} | {r.Accepted} | {r.Unconfirmed} | {r.Counted} | {r.Lost} | {r.Duplicated} | {r.Absorbed} | {Seconds(r.Outage)} | {(r.Recovery is { } t ? Seconds(t) : "NOT CONVERGED")} | {r.Note} |");
        }
        return text.ToString();
    }

    public string Render()
    {
        lock (_lock)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# Faults suite: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");
            text.AppendLine();
            text.Append(Table(_rows));
            text.AppendLine();
            text.AppendLine("Accepted: 201 answers. Unconfirmed: committed by the health service but answered with no 201 (in flight when it died).");
            text.AppendLine("Counted: board facts for the scenario's committed assessments. Lost: accepted or committed but not counted.");
            text.AppendLine("Duplicated: fact applications beyond one per assessment (audit trigger on the fact table). Redeliveries absorbed: inbox skips in the board's log.");
            text.AppendLine("Outage: fault injected until the component was back. Recovery: fault injected until board count = health count and the outbox was empty.");
            if (_readiness.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("## Readiness (/health)");
                text.AppendLine();
                text.AppendLine("| Dependency | Service | Unhealthy after it stopped | Healthy after it was back |");
                text.AppendLine("|---|---|---:|---:|");
                foreach (var line in _readiness)
                {
                    text.AppendLine(line);
                }
            }
            return text.ToString();
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Render());
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
