using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Partnership.Testing;

namespace Partnership.Security.Tests.Tokens;

/// <summary>
/// Forges access tokens the way an attacker holding a copy of the identity database could: the signing key is read
/// from its server_keys table, and the claims start from a real token the identity service issued.
/// </summary>
public sealed class TokenForge(string keyId, RSA signingKey)
{
    public static async Task<TokenForge> FromIdentityDatabaseAsync(IdentityHost identity)
    {
        var connectionString = identity.Services.GetRequiredService<IConfiguration>().GetConnectionString("identitydb")!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT kid, private_key_pkcs8 FROM server_keys WHERE purpose = 'signing' ORDER BY created_at DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The identity database holds no signing key.");
        }
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey((byte[])reader["private_key_pkcs8"], out _);
        return new TokenForge(reader.GetString(0), rsa);
    }

    public string KeyId => keyId;

    /// <summary>The payload of a real token, to be changed and signed again.</summary>
    public static JsonObject PayloadOf(string token) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();

    public string Sign(JsonObject payload, RSA? key = null, string? kid = null, string alg = "RS256")
    {
        var header = new JsonObject { ["alg"] = alg, ["kid"] = kid ?? keyId, ["typ"] = "at+jwt" };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = (key ?? signingKey).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>An unsecured JWT (RFC 7519 §6): "alg": "none" and an empty signature.</summary>
    public static string Unsigned(JsonObject payload) =>
        $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "at+jwt" })}.{Encode(payload)}.";

    public static long Epoch(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
