using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Partnership.Contracts.Health.V1;
using Partnership.Health.Data;
using Partnership.Health.Domain;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Health.Apis;

/// <summary>Dental checks, GP registration, immunisations, SDQ scores and substance misuse: one record per observation.</summary>
public static class HealthChecksApi
{
    public static IEndpointRouteBuilder MapHealthChecksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/health").WithTags("Health checks").RequireAuthorization(HealthPolicies.RecordChecks);
        group.MapPost("/dental-checks", RecordDentalCheck).WithValidation<RecordDentalCheckRequest>()
            .WithSummary("Record a dental check and whether the child is registered with a dentist");
        group.MapPost("/gp-registrations", RecordGpRegistration).WithValidation<RecordGpRegistrationRequest>()
            .WithSummary("Record whether the child is registered with a GP");
        group.MapPost("/immunisations", RecordImmunisationStatus).WithValidation<RecordImmunisationStatusRequest>()
            .WithSummary("Record whether immunisations are up to date at a milestone");
        group.MapPost("/sdq-scores", RecordSdqScore).WithValidation<RecordSdqScoreRequest>()
            .WithSummary("Record an SDQ score (ages 4 to 16; 17 or more is flagged as a cause for concern)");
        group.MapPost("/substance-misuse", RecordSubstanceMisuse).WithValidation<RecordSubstanceMisuseRequest>()
            .WithSummary("Record substance misuse identified and whether an intervention was offered and received");
        return app;
    }

    private static async Task<Created<DentalCheckResponse>> RecordDentalCheck(
        RecordDentalCheckRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var check = new DentalCheck
        {
            ChildKey = request.ChildKey!,
            CheckedOn = request.CheckedOn!.Value,
            RegisteredWithDentist = request.RegisteredWithDentist!.Value,
        }.Stamp(user, clock);
        await db.SaveWithEventAsync(check, check.ToEvent(), clock, ct);
        return TypedResults.Created($"/api/health/children/{check.ChildKey}/summary", check.ToResponse());
    }

    private static async Task<Created<GpRegistrationResponse>> RecordGpRegistration(
        RecordGpRegistrationRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var registration = new GpRegistration
        {
            ChildKey = request.ChildKey!,
            RecordedOn = request.RecordedOn!.Value,
            Registered = request.Registered!.Value,
        }.Stamp(user, clock);
        await db.SaveWithEventAsync(registration, registration.ToEvent(), clock, ct);
        return TypedResults.Created($"/api/health/children/{registration.ChildKey}/summary", registration.ToResponse());
    }

    private static async Task<Created<ImmunisationStatusResponse>> RecordImmunisationStatus(
        RecordImmunisationStatusRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var status = new ImmunisationStatus
        {
            ChildKey = request.ChildKey!,
            RecordedOn = request.RecordedOn!.Value,
            Milestone = PartnershipRules.ParseName<ImmunisationMilestone>(request.Milestone!),
            UpToDate = request.UpToDate!.Value,
            AgeYears = request.AgeYears!.Value,
        }.Stamp(user, clock);
        await db.SaveWithEventAsync(status, status.ToEvent(), clock, ct);
        return TypedResults.Created($"/api/health/children/{status.ChildKey}/summary", status.ToResponse());
    }

    private static async Task<Created<SdqScoreResponse>> RecordSdqScore(
        RecordSdqScoreRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var sdq = new SdqScore
        {
            ChildKey = request.ChildKey!,
            CompletedOn = request.CompletedOn!.Value,
            Score = request.Score!.Value,
            AgeYears = request.AgeYears!.Value,
            ReceivingTherapeuticSupport = request.ReceivingTherapeuticSupport ?? false,
        }.Stamp(user, clock);
        await db.SaveWithEventAsync(sdq, sdq.ToEvent(), clock, ct);
        return TypedResults.Created($"/api/health/children/{sdq.ChildKey}/summary", sdq.ToResponse());
    }

    private static async Task<Created<SubstanceMisuseResponse>> RecordSubstanceMisuse(
        RecordSubstanceMisuseRequest request, ClaimsPrincipal user, HealthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var misuse = new SubstanceMisuse
        {
            ChildKey = request.ChildKey!,
            IdentifiedOn = request.IdentifiedOn!.Value,
            InterventionOffered = request.InterventionOffered!.Value,
            InterventionReceived = request.InterventionReceived!.Value,
        }.Stamp(user, clock);
        await db.SaveWithEventAsync(misuse, misuse.ToEvent(), clock, ct);
        return TypedResults.Created($"/api/health/children/{misuse.ChildKey}/summary", misuse.ToResponse());
    }
}
