using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Partnership.CareRegister.Data;
using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Identifiers;
using Partnership.CareRegister.Validation;
using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Http;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.CareRegister.Apis;

/// <summary>The person record and care status changes. Each change publishes its event (child key only) via the outbox.</summary>
public static class ChildrenApi
{
    public const string ReadScope = "care-register.read";
    public const string WriteScope = "care-register.write";

    public static IEndpointRouteBuilder MapChildrenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/care-register/children").WithTags("Children in care");
        group.MapPost("/", CreateChild).RequireAuthorization(WriteScope).WithValidation<CreateChildRequest>()
            .WithSummary("Register a child and assign the platform child key");
        group.MapGet("/", ListChildren).RequireAuthorization(ReadScope).WithSummary("Children on the register, a page at a time");
        group.MapGet("/{childKey}", GetChild).RequireAuthorization(ReadScope).WithSummary("A child's person record, episodes and reviews");
        group.MapPost("/{childKey}/enter-care", EnterCare).RequireAuthorization(WriteScope).WithValidation<EnterCareRequest>()
            .WithSummary("Record that the child started to be looked after");
        group.MapPost("/{childKey}/placement-changes", ChangePlacement).RequireAuthorization(WriteScope).WithValidation<ChangePlacementRequest>()
            .WithSummary("Record a change of placement");
        group.MapPost("/{childKey}/legal-status-changes", ChangeLegalStatus).RequireAuthorization(WriteScope).WithValidation<ChangeLegalStatusRequest>()
            .WithSummary("Record a change of legal status");
        group.MapPost("/{childKey}/cease-care", CeaseCare).RequireAuthorization(WriteScope).WithValidation<CeaseCareRequest>()
            .WithSummary("Record that the child ceased to be looked after");
        group.MapPost("/{childKey}/care-leaver", BecomeCareLeaver).RequireAuthorization(WriteScope).WithValidation<BecomeCareLeaverRequest>()
            .WithSummary("Record the child's care leaver status");
        group.MapPost("/{childKey}/reviews", RecordReview).RequireAuthorization(WriteScope).WithValidation<RecordReviewRequest>()
            .WithSummary("Record a child in care review held");
        group.MapPost("/{childKey}/adoption-milestones", RecordAdoptionMilestone).RequireAuthorization(CareRegisterPolicies.RecordAdoption)
            .WithValidation<RecordAdoptionMilestoneRequest>()
            .WithSummary("Record (or correct the date of) a step of the child's adoption: social care only");
        return app;
    }

    private static async Task<Results<Created<ChildResponse>, ProblemHttpResult>> CreateChild(
        CreateChildRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var nhs = NhsNumber.Normalise(request.NhsNumber);
        if (await IdentifierTakenAsync(db, nhs, request.Upn, request.PoliceReference, request.LocalChildId, ct) is { } taken)
        {
            return TypedResults.Problem($"Another child on the register already has this {taken}.", statusCode: StatusCodes.Status409Conflict);
        }
        var child = new Child
        {
            Id = Guid.CreateVersion7(),
            ChildKey = PlatformChildKeys.New(),
            GivenName = request.GivenName!,
            FamilyName = request.FamilyName!,
            DateOfBirth = request.DateOfBirth!.Value,
            Sex = request.Sex!.Value,
            Ethnicity = request.Ethnicity!,
            NhsNumber = nhs,
            Upn = request.Upn,
            PoliceReference = request.PoliceReference,
            LocalChildId = request.LocalChildId,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Caller(),
        };
        db.Children.Add(child);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/care-register/children/{child.ChildKey}", child.ToResponse());
    }

    private static async Task<string?> IdentifierTakenAsync(CareRegisterDbContext db, string? nhs, string? upn, string? police, string? local, CancellationToken ct)
    {
        if (nhs is not null && await db.Children.AnyAsync(c => c.NhsNumber == nhs, ct)) return "NHS number";
        if (upn is not null && await db.Children.AnyAsync(c => c.Upn == upn, ct)) return "UPN";
        if (police is not null && await db.Children.AnyAsync(c => c.PoliceReference == police, ct)) return "police reference";
        if (local is not null && await db.Children.AnyAsync(c => c.LocalChildId == local, ct)) return "local child id";
        return null;
    }

    private static async Task<Ok<PagedResult<ChildSummaryResponse>>> ListChildren(
        CareRegisterDbContext db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        (var pageNumber, var size) = Paging.Normalise(page, pageSize);
        var total = await db.Children.CountAsync(ct);
        var items = await db.Children.AsNoTracking().OrderBy(c => c.ChildKey).Skip((pageNumber - 1) * size).Take(size)
            .Select(c => new ChildSummaryResponse(c.ChildKey, c.GivenName, c.FamilyName, c.Episodes.Any(e => e.End == null), c.CareLeaverCategory.ToString()))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ChildSummaryResponse>(items, pageNumber, size, total));
    }

    private static async Task<Results<Ok<ChildResponse>, NotFound>> GetChild(string childKey, CareRegisterDbContext db, CancellationToken ct) =>
        await LoadAsync(db, childKey, ct) is { } child ? TypedResults.Ok(child.ToResponse()) : TypedResults.NotFound();

    private static async Task<Results<Ok<ChildResponse>, NotFound, ProblemHttpResult>> EnterCare(
        string childKey, EnterCareRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, childKey, ct) is not { } child) return TypedResults.NotFound();
        var on = request.EnteredCareOn!.Value;
        var provider = CareCodes.Provider(request.PlacementProvider);
        var site = PlacementSite.From(request.HomePostcode, request.PlacementPostcode, request.WithinTwentyMiles);
        if (child.EnterCare(on, request.LegalStatus!, request.PlacementType!, provider, site) is { } refusal)
        {
            return Conflict(refusal);
        }
        db.AddIntegrationEvent(new ChildEnteredCare
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            SourceAgency = SourceAgency(user),
            ChildKey = child.ChildKey,
            EnteredCareOn = on,
            LegalStatus = request.LegalStatus!,
            PlacementType = request.PlacementType!,
            Provider = provider,
            WithinTwentyMiles = site.WithinTwentyMiles,
            AgeYears = child.AgeOn(on),
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(child.ToResponse());
    }

    private static async Task<Results<Ok<ChildResponse>, NotFound, ProblemHttpResult>> ChangePlacement(
        string childKey, ChangePlacementRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, childKey, ct) is not { } child) return TypedResults.NotFound();
        var on = request.ChangedOn!.Value;
        var provider = CareCodes.Provider(request.PlacementProvider);
        var site = PlacementSite.From(request.HomePostcode ?? child.OpenEpisode?.HomePostcode, request.PlacementPostcode, request.WithinTwentyMiles);
        if (child.ChangePlacement(on, request.PlacementType!, provider, site, request.Reason) is { } refusal)
        {
            return Conflict(refusal);
        }
        db.AddIntegrationEvent(new PlacementChanged
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            SourceAgency = SourceAgency(user),
            ChildKey = child.ChildKey,
            ChangedOn = on,
            PlacementType = request.PlacementType!,
            Provider = provider,
            WithinTwentyMiles = site.WithinTwentyMiles,
            Reason = request.Reason,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(child.ToResponse());
    }

    private static async Task<Results<Ok<ChildResponse>, NotFound, ProblemHttpResult>> ChangeLegalStatus(
        string childKey, ChangeLegalStatusRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, childKey, ct) is not { } child) return TypedResults.NotFound();
        var on = request.ChangedOn!.Value;
        if (child.ChangeLegalStatus(on, request.LegalStatus!) is { } refusal)
        {
            return Conflict(refusal);
        }
        db.AddIntegrationEvent(new LegalStatusChanged
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            SourceAgency = SourceAgency(user),
            ChildKey = child.ChildKey,
            ChangedOn = on,
            LegalStatus = request.LegalStatus!,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(child.ToResponse());
    }

    private static async Task<Results<Ok<ChildResponse>, NotFound, ProblemHttpResult>> CeaseCare(
        string childKey, CeaseCareRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, childKey, ct) is not { } child) return TypedResults.NotFound();
        var on = request.CeasedOn!.Value;
        if (child.CeaseCare(on, request.ReasonCode!) is { } refusal)
        {
            return Conflict(refusal);
        }
        db.AddIntegrationEvent(new CeasedCare
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            SourceAgency = SourceAgency(user),
            ChildKey = child.ChildKey,
            CeasedOn = on,
            ReasonCode = request.ReasonCode!,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(child.ToResponse());
    }

    private static async Task<Results<Ok<ChildResponse>, NotFound>> BecomeCareLeaver(
        string childKey, BecomeCareLeaverRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, childKey, ct) is not { } child) return TypedResults.NotFound();
        var category = Enum.Parse<CareLeaverCategory>(request.Category!, ignoreCase: true);
        child.CareLeaverCategory = category;
        child.CareLeaverSince ??= request.On!.Value;
        db.AddIntegrationEvent(new BecameCareLeaver
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            SourceAgency = SourceAgency(user),
            ChildKey = child.ChildKey,
            On = request.On!.Value,
            Category = category,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(child.ToResponse());
    }

    private static async Task<Results<Ok<ChildResponse>, NotFound, ProblemHttpResult>> RecordReview(
        string childKey, RecordReviewRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, childKey, ct) is not { } child) return TypedResults.NotFound();
        // The statutory due date is the register's to compute; a caller may state it when recording a late entry.
        if ((request.DueOn ?? child.NextReviewDue()) is not { } due)
        {
            return Conflict("The child is not in care, so no review is due; give dueOn to record a past review.");
        }
        var review = new CareReview
        {
            Id = Guid.CreateVersion7(),
            ChildId = child.Id,
            DueOn = due,
            HeldOn = request.HeldOn!.Value,
            ParticipationCode = request.ParticipationCode!,
        };
        child.Reviews.Add(review);
        db.AddIntegrationEvent(new ChildInCareReviewHeld
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = clock.GetUtcNow(),
            SourceAgency = SourceAgency(user),
            ChildKey = child.ChildKey,
            HeldOn = review.HeldOn,
            DueOn = review.DueOn,
            ParticipationCode = review.ParticipationCode,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(child.ToResponse());
    }

    private static async Task<Results<Ok<ChildResponse>, NotFound, ProblemHttpResult>> RecordAdoptionMilestone(
        string childKey, RecordAdoptionMilestoneRequest request, ClaimsPrincipal user, CareRegisterDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(db, childKey, ct) is not { } child) return TypedResults.NotFound();
        var milestone = PartnershipRules.ParseName<AdoptionMilestone>(request.Milestone!);
        var now = clock.GetUtcNow();
        if (child.RecordAdoptionMilestone(milestone, request.On!.Value, user.Caller(), now, out var record) is { } refusal)
        {
            return Conflict(refusal);
        }
        db.AddIntegrationEvent(new AdoptionMilestoneReached
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = now,
            SourceAgency = SourceAgency(user),
            ChildKey = child.ChildKey,
            Milestone = milestone,
            On = record!.On,
            EnteredCareOn = record.EnteredCareOn,
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(child.ToResponse());
    }

    private static Task<Child?> LoadAsync(CareRegisterDbContext db, string childKey, CancellationToken ct) =>
        db.Children.Include(c => c.Episodes).Include(c => c.Reviews).Include(c => c.AdoptionMilestones).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.ChildKey == childKey, ct);

    private static string SourceAgency(ClaimsPrincipal user) => user.Agency() ?? Agencies.SocialCare;

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, title: "The change does not apply to the child's current care status.", statusCode: StatusCodes.Status409Conflict);
}
