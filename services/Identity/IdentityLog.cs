namespace Partnership.Identity;

/// <summary>
/// Every log line the identity service writes. Identifiers only (client ids, opaque user ids, key ids):
/// never user names, display names, passwords, secrets or tokens.
/// </summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Generated a new {Purpose} key {KeyId}")]
    public static partial void ServerKeyGenerated(ILogger logger, string purpose, string keyId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Loaded {Purpose} key {KeyId}")]
    public static partial void ServerKeyLoaded(ILogger logger, string purpose, string keyId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Seeded scopes and {ClientCount} clients")]
    public static partial void ClientsSeeded(ILogger logger, int clientCount);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Seeded {UserCount} development staff users")]
    public static partial void DevelopmentUsersSeeded(ILogger logger, int userCount);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Identity server ready with issuer {Issuer}")]
    public static partial void ServerReady(ILogger logger, Uri issuer);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Issued client-credentials token to {ClientId} with scopes {Scopes}")]
    public static partial void ClientTokenIssued(ILogger logger, string clientId, string scopes);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "Issued authorization code to {ClientId} for user {UserId} with scopes {Scopes}")]
    public static partial void AuthorizationCodeIssued(ILogger logger, string clientId, Guid userId, string scopes);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information, Message = "Staff user {UserId} was refused scopes {Scopes} for their roles")]
    public static partial void StaffScopesWithheld(ILogger logger, Guid userId, string scopes);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Warning, Message = "Token request for user {UserId} refused: account missing or inactive")]
    public static partial void StaffUserNoLongerValid(ILogger logger, string userId);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Staff user {UserId} signed in")]
    public static partial void StaffSignedIn(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Staff sign-in failed")]
    public static partial void StaffSignInFailed(ILogger logger);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Information, Message = "Staff user {UserId} signed out")]
    public static partial void StaffSignedOut(ILogger logger, string userId);
}
