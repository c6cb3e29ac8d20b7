namespace Partnership.Faults.Tests.Rig;

public static class Waits
{
    /// <summary>Polls until the condition holds; fails with the last observed value once the timeout passes.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T value;
        do
        {
            value = await probe();
            if (condition(value))
            {
                return value;
            }
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"{what}: not reached within {timeout}; last value {value}");
    }
}
