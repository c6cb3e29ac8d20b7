namespace Partnership.Admin;

/// <summary>Parses the command line and prints results; exit code 0 on success, 2 on a usage error, 1 on failure.</summary>
public static class AdminCommand
{
    private const string Usage = """
        usage:
          Partnership.Admin errors list   --queue <queue> [--amqp <uri>]
          Partnership.Admin errors replay --queue <queue> [--amqp <uri>] [--message-id <id>]... [--fault-contains <text>]
        <queue> is the consumer's queue; its faulted messages are in <queue>_error.
        --amqp defaults to the ConnectionStrings__messaging environment variable.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length < 2 || args[0] != "errors" || args[1] is not ("list" or "replay"))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        string? queue = null;
        var amqp = Environment.GetEnvironmentVariable("ConnectionStrings__messaging");
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? faultContains = null;
        for (var i = 2; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--queue" when value is not null: queue = value; i++; break;
                case "--amqp" when value is not null: amqp = value; i++; break;
                case "--message-id" when value is not null: ids.Add(value); i++; break;
                case "--fault-contains" when value is not null: faultContains = value; i++; break;
                default:
                    await errors.WriteLineAsync($"unknown or incomplete option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }
        if (queue is null || string.IsNullOrEmpty(amqp))
        {
            await errors.WriteLineAsync($"--queue and a broker (--amqp or ConnectionStrings__messaging) are required\n{Usage}");
            return 2;
        }

        var dryRun = args[1] == "list";
        try
        {
            var replayer = new ErrorQueueReplayer(new Uri(amqp));
            var messages = await replayer.ReplayAsync(queue, new ReplayFilter(ids, faultContains), dryRun, CancellationToken.None);
            foreach (var m in messages)
            {
                await output.WriteLineAsync(
                    $"{(m.Replayed ? "replayed" : "kept    ")}  {m.MessageId}  {m.ExceptionType}: {OneLine(m.FaultMessage)}");
            }
            await output.WriteLineAsync(
                $"{messages.Count(m => m.Replayed)} replayed from {ErrorQueueReplayer.ErrorQueueOf(queue)} to {queue}, {messages.Count(m => !m.Replayed)} kept");
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await errors.WriteLineAsync($"failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private static string OneLine(string? text)
    {
        var line = (text ?? "(no fault message)").ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
