using System.Globalization;
using System.Text;
using Npgsql;

namespace Partnership.ServiceDefaults.Persistence;

/// <summary>
/// Builds one statement from interpolated pieces, each piece's values becoming positional parameters ($1, $2, …) in
/// order: the values never enter the SQL text, and the text is the same for every call, so Npgsql prepares it once.
/// </summary>
public sealed class PositionalSql
{
    private readonly StringBuilder text = new();
    private readonly List<object?> values = [];

    public PositionalSql Append(FormattableString piece)
    {
        var names = piece.GetArguments().Select(value =>
        {
            values.Add(value);
            return (object)("$" + values.Count.ToString(CultureInfo.InvariantCulture));
        }).ToArray();
        text.Append(string.Format(CultureInfo.InvariantCulture, piece.Format, names));
        return this;
    }

    public string Text => text.ToString();

    public NpgsqlCommand ToCommand(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Text, connection);
        AddParameters(command.Parameters);
        return command;
    }

    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(Text);
        AddParameters(command.Parameters);
        return command;
    }

    private void AddParameters(NpgsqlParameterCollection parameters)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
