using System.Text.RegularExpressions;
using Grpc.Core;
using Partnership.Contracts;

namespace Partnership.Sharing.Grpc;

/// <summary>
/// Collects every field error of a request before failing, so a caller fixes them all at once: the gRPC counterpart
/// of the REST services' RFC 7807 field errors (INVALID_ARGUMENT, "field: problem; field: problem").
/// </summary>
public sealed partial class RequestChecks
{
    private readonly List<string> _errors = [];

    public RequestChecks ChildKey(string value, string field = "child_key")
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !ChildKeyPattern().IsMatch(value))
        {
            _errors.Add($"{field}: must be a platform child key (letters, digits and hyphens, at most 64)");
        }
        return this;
    }

    public RequestChecks Agency(string value, string field)
    {
        if (!Agencies.All.Contains(value, StringComparer.Ordinal))
        {
            _errors.Add($"{field}: must be one of {string.Join(", ", Agencies.All)}");
        }
        return this;
    }

    public RequestChecks Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            _errors.Add($"{field}: {problem}");
        }
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, string.Join("; ", _errors)));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex ChildKeyPattern();
}
