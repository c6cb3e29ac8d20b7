namespace Partnership.Board.Indicators;

/// <summary>Comparisons that respect an indicator's polarity, so "better" means the same thing everywhere.</summary>
public static class Compare
{
    public static bool IsBetter(decimal candidate, decimal reference, Polarity polarity) =>
        polarity == Polarity.HigherIsBetter ? candidate > reference : candidate < reference;

    public static bool IsWorse(decimal candidate, decimal reference, Polarity polarity) =>
        polarity == Polarity.HigherIsBetter ? candidate < reference : candidate > reference;
}
