using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Identifiers;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.CareRegister.Apis;

/// <summary>
/// Agency systems turn their own identifier for a child into the platform child key. Each agency may use only its own
/// kind of identifier, and every lookup (allowed or not, found or not) is audited without the identifier.
/// The identifier travels in the body, never the URL, so it does not land in access logs.
/// </summary>
public static class ResolveApi
{
    public const string ResolveScope = "child.resolve";

    /// <summary>The identifier each agency holds for a child; agencies not listed may not resolve at all.</summary>
    public static readonly IReadOnlyDictionary<string, IdentifierType> AgencyIdentifier = new Dictionary<string, IdentifierType>
    {
        [Agencies.Health] = IdentifierType.NhsNumber,
        [Agencies.VirtualSchool] = IdentifierType.Upn,
        [Agencies.Police] = IdentifierType.PoliceReference,
    };

    public static IEndpointRouteBuilder MapResolveApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/care-register/resolve", Resolve)
            .WithTags("Child key resolution")
            .RequireAuthorization(ResolveScope)
            .WithValidation<ResolveChildRequest>()
            .WithSummary("Resolve the caller agency's own identifier for a child to the platform child key");
        return app;
    }

    private static async Task<Results<Ok<ResolveChildResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Resolve(
        ResolveChildRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var type = Enum.Parse<IdentifierType>(request.IdentifierType!, ignoreCase: true);
        var agency = user.Agency() ?? "none";

        if (!AgencyIdentifier.TryGetValue(agency, out var allowed) || allowed != type)
        {
            await AuditAsync(db, user, agency, type, found: false, "refused", clock, ct);
            return TypedResults.Problem($"The {agency} agency may not resolve {type} identifiers.", statusCode: StatusCodes.Status403Forbidden);
        }

        var value = request.Value!.Trim();
        if (type == IdentifierType.NhsNumber)
        {
            if (!NhsNumber.IsValid(value))
            {
                await AuditAsync(db, user, agency, type, found: false, "invalid", clock, ct);
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["Value"] = ["The NHS number is not ten digits with a valid modulus-11 check digit."] },
                    title: "The request is invalid.");
            }
            value = NhsNumber.Normalise(value)!;
        }

        var query = db.Children.AsNoTracking();
        query = type switch
        {
            IdentifierType.NhsNumber => query.Where(c => c.NhsNumber == value),
            IdentifierType.Upn => query.Where(c => c.Upn == value.ToUpperInvariant()),
            _ => query.Where(c => c.PoliceReference == value),
        };
        var childKey = await query.Select(c => c.ChildKey).FirstOrDefaultAsync(ct);
        await AuditAsync(db, user, agency, type, childKey is not null, childKey is null ? "not-found" : "found", clock, ct);
        return childKey is null ? TypedResults.NotFound() : TypedResults.Ok(new ResolveChildResponse(childKey));
    }

    private static async Task AuditAsync(
        CareRegisterDbContext db, ClaimsPrincipal user, string agency, IdentifierType type, bool found, string outcome, TimeProvider clock, CancellationToken ct)
    {
        db.ResolveAudits.Add(new ResolveAudit
        {
            At = clock.GetUtcNow(),
            Caller = user.Caller(),
            Agency = agency,
            IdentifierType = type.ToString(),
            Found = found,
            Outcome = outcome,
        });
        await db.SaveChangesAsync(ct);
    }
}
