namespace Partnership.Testing;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails with the last observed value after the timeout.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
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
        throw new TimeoutException($"Condition not met in time; last value: {value}");
    }
}
