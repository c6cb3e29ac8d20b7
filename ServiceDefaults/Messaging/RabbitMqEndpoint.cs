namespace Partnership.ServiceDefaults.Messaging;

/// <summary>The parts of an amqp:// connection string MassTransit's host configurator wants separately.</summary>
public sealed record RabbitMqEndpoint(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqEndpoint Parse(string connectionString)
    {
        var uri = new Uri(connectionString);
        if (uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            throw new FormatException($"Expected an amqp:// connection string, got scheme '{uri.Scheme}'.");
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var user = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var vhost = uri.AbsolutePath.Trim('/');
        return new RabbitMqEndpoint(uri.Host, (ushort)(uri.IsDefaultPort ? 5672 : uri.Port),
            vhost.Length == 0 ? "/" : Uri.UnescapeDataString(vhost), user, password);
    }
}
