using Partnership.ServiceDefaults.Messaging;

namespace Partnership.UnitTests;

public sealed class RabbitMqEndpointTests
{
    [Fact]
    public void Parses_credentials_port_and_vhost()
    {
        var e = RabbitMqEndpoint.Parse("amqp://partner%40ship:p%3Ass@127.0.0.1:35672/partnership");
        Assert.Equal(new RabbitMqEndpoint("127.0.0.1", 35672, "partnership", "partner@ship", "p:ss"), e);
    }

    [Fact]
    public void Defaults_to_the_root_vhost_and_standard_port()
    {
        var e = RabbitMqEndpoint.Parse("amqp://guest:guest@localhost/");
        Assert.Equal((ushort)5672, e.Port);
        Assert.Equal("/", e.VirtualHost);
    }

    [Fact]
    public void Rejects_other_schemes() => Assert.Throws<FormatException>(() => RabbitMqEndpoint.Parse("http://localhost:5672/"));
}
