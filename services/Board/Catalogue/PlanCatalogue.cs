using System.Text.Json;
using System.Text.Json.Serialization;

namespace Partnership.Board.Catalogue;

/// <summary>The plans the board monitors, loaded once from the JSON files embedded in the assembly.</summary>
public sealed class PlanCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, PlanDefinition> _plans;

    public PlanCatalogue(IEnumerable<PlanDefinition> plans)
    {
        _plans = plans.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var plan in _plans.Values)
        {
            Validate(plan);
        }
        DefaultPlan = _plans.Values.SingleOrDefault(p => p.Default) ?? throw new InvalidOperationException("No plan is marked as the default.");
    }

    public IReadOnlyCollection<PlanDefinition> Plans => _plans.Values;

    public PlanDefinition DefaultPlan { get; }

    public PlanDefinition? Find(string? planId) => planId is null ? DefaultPlan : _plans.GetValueOrDefault(planId);

    public static PlanCatalogue LoadEmbedded()
    {
        var assembly = typeof(PlanCatalogue).Assembly;
        var plans = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Plans/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<PlanDefinition>(stream, Json)
                    ?? throw new InvalidOperationException($"Plan file {n} is empty.");
            });
        return new PlanCatalogue(plans);
    }

    /// <summary>A plan file with a duplicate id, an unknown priority or a computed indicator without a measure is refused at start-up.</summary>
    private static void Validate(PlanDefinition plan)
    {
        var duplicate = plan.Indicators.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Plan {plan.Id}: indicator {duplicate.Key} appears twice.");
        }
        var priorities = plan.Priorities.Select(p => p.Id).ToHashSet();
        foreach (var indicator in plan.Indicators)
        {
            if (!priorities.Contains(indicator.Priority))
            {
                throw new InvalidOperationException($"Plan {plan.Id}: indicator {indicator.Id} names unknown priority {indicator.Priority}.");
            }
            var computed = indicator.Source.Kind != SourceKind.Manual;
            if (computed == string.IsNullOrEmpty(indicator.Source.Measure))
            {
                throw new InvalidOperationException($"Plan {plan.Id}: indicator {indicator.Id} must name a measure if and only if it is computed.");
            }
        }
    }
}
