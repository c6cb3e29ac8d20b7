namespace Partnership.Bench.Measure;

/// <summary>Nearest-rank percentiles over a finished sample (no interpolation, so every figure is an observed value).</summary>
public sealed class Percentiles
{
    private readonly double[] sorted;

    public Percentiles(IEnumerable<double> values)
    {
        sorted = values.Order().ToArray();
    }

    public int Count => sorted.Length;

    public double this[double percentile] => sorted.Length == 0
        ? double.NaN
        : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];
}
