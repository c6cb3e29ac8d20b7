using FluentValidation;
using Partnership.LeavingCare.Apis;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;

namespace Partnership.LeavingCare.Validation;

// Leaving care supports young people from 16 to 25 (pathway plans and advisers from 15, as the strategy aims);
// Staying Put runs from 18 until the 21st birthday.

public sealed class RecordContactRequestValidator : AbstractValidator<RecordContactRequest>
{
    public RecordContactRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).RegisteredCareLeaver(db);
        RuleFor(r => r.ContactOn).CareLeaverDate(db, clock, r => r.ChildKey, 16, 25);
        RuleFor(r => r.InTouch).NotEmpty().Must(c => c is not null && Ssda903Codes.InTouch.ContainsKey(c))
            .WithMessage($"'In Touch' must be an SSDA903 IN_TOUCH code: {Ssda903Codes.List(Ssda903Codes.InTouch.Keys)}.");
    }
}

public sealed class RecordActivityRequestValidator : AbstractValidator<RecordActivityRequest>
{
    public RecordActivityRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).RegisteredCareLeaver(db);
        RuleFor(r => r.RecordedOn).CareLeaverDate(db, clock, r => r.ChildKey, 16, 25);
        RuleFor(r => r.ActivityCode).NotEmpty().Must(c => c is not null && Ssda903Codes.Activities.Contains(c))
            .WithMessage($"'Activity Code' must be an SSDA903 ACTIV code: {Ssda903Codes.List(Ssda903Codes.Activities)}.");
    }
}

public sealed class RecordAccommodationRequestValidator : AbstractValidator<RecordAccommodationRequest>
{
    public RecordAccommodationRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).RegisteredCareLeaver(db);
        RuleFor(r => r.RecordedOn).CareLeaverDate(db, clock, r => r.ChildKey, 16, 25);
        RuleFor(r => r.AccommodationCode).NotEmpty().Must(c => c is not null && Ssda903Codes.Accommodation.Contains(c))
            .WithMessage("'Accommodation Code' must be an SSDA903 ACCOM code: a type letter then 1 (suitable) or 2 (unsuitable), e.g. D1, or 0.");
    }
}

public sealed class RecordPathwayPlanRequestValidator : AbstractValidator<RecordPathwayPlanRequest>
{
    public RecordPathwayPlanRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).RegisteredCareLeaver(db);
        RuleFor(r => r.CompletedOn).CareLeaverDate(db, clock, r => r.ChildKey, 15, 25);
        RuleFor(r => r.AuthorisedOn)
            .Must((r, authorised) => authorised is null || r.CompletedOn is null || authorised >= r.CompletedOn)
            .WithMessage("'Authorised On' cannot be before 'Completed On'.")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("'Authorised On' cannot be in the future.");
    }
}

public sealed class AllocatePersonalAdviserRequestValidator : AbstractValidator<AllocatePersonalAdviserRequest>
{
    public AllocatePersonalAdviserRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).RegisteredCareLeaver(db);
        RuleFor(r => r.AllocatedOn).CareLeaverDate(db, clock, r => r.ChildKey, 15, 25);
    }
}

public sealed class StartStayingPutRequestValidator : AbstractValidator<StartStayingPutRequest>
{
    public StartStayingPutRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).RegisteredCareLeaver(db)
            .MustAsync(async (key, ct) => !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
                .AnyAsync(db.StayingPut, s => s.ChildKey == key && s.EndedOn == null, ct))
            .WithMessage("This care leaver is already in a Staying Put arrangement; end it first.");
        RuleFor(r => r.StartedOn).CareLeaverDate(db, clock, r => r.ChildKey, StayingPut.MinimumAge, StayingPut.MaximumAge);
    }
}

public sealed class StartLivingSkillsRequestValidator : AbstractValidator<StartLivingSkillsRequest>
{
    public StartLivingSkillsRequestValidator(LeavingCareDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).RegisteredCareLeaver(db)
            .MustAsync(async (key, ct) => !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
                .AnyAsync(db.LivingSkills, p => p.ChildKey == key, ct))
            .WithMessage("This young person has already started the living skills programme.");
        RuleFor(r => r.StartedOn).CareLeaverDate(db, clock, r => r.ChildKey, LivingSkills.MinimumAge, LivingSkills.MaximumAge);
    }
}

public sealed class EndStayingPutRequestValidator : AbstractValidator<EndStayingPutRequest>
{
    public EndStayingPutRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.EndedOn).NotNull().Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("'Ended On' cannot be in the future.");
    }
}
