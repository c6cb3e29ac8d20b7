using FluentValidation;
using Partnership.Contracts.Missing.V1;
using Partnership.Missing.Apis;
using Partnership.Missing.Domain;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.Missing.Validation;

public sealed class StartEpisodeRequestValidator : AbstractValidator<StartEpisodeRequest>
{
    public StartEpisodeRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.ChildKey).ChildKey();
        RuleFor(r => r.Type).EnumName<StartEpisodeRequest, MissingEpisodeType>();
        RuleFor(r => r.Risk).EnumName<StartEpisodeRequest, RiskLevel>();
        RuleFor(r => r.ReportedBy).EnumName<StartEpisodeRequest, ReporterRole>();
        RuleFor(r => r.StartedAt).NotNull().NotInFuture(clock);
    }
}

public sealed class EndEpisodeRequestValidator : AbstractValidator<EndEpisodeRequest>
{
    public EndEpisodeRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.EndedAt).NotNull().NotInFuture(clock);
        RuleFor(r => r.FoundBy).EnumName<EndEpisodeRequest, FinderRole>().When(r => r.FoundBy is not null);
    }
}

public sealed class ReturnInterviewRequestValidator : AbstractValidator<ReturnInterviewRequest>
{
    public ReturnInterviewRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.OfferedAt).NotNull().NotInFuture(clock);
        RuleFor(r => r.Accepted).NotNull();
        RuleFor(r => r.CompletedOn).NotInFuture(clock);
        RuleFor(r => r.CompletedOn)
            .Null().WithMessage("'Completed On' must be empty when the interview was declined.")
            .When(r => r.Accepted == false);
        RuleFor(r => r.CompletedOn)
            .Must((r, completed) => completed is null || r.OfferedAt is null || completed >= DateOnly.FromDateTime(r.OfferedAt.Value.UtcDateTime))
            .WithMessage("'Completed On' cannot be before the interview was offered.");
        RuleFor(r => r.CompletedBy)
            .NotEmpty().WithMessage("'Completed By' is required when the interview was completed.")
            .When(r => r.CompletedOn is not null);
        RuleFor(r => r.CompletedBy).EnumName<ReturnInterviewRequest, InterviewerRole>().When(r => r.CompletedBy is not null);
        RuleFor(r => r.Concern).EnumName<ReturnInterviewRequest, ExploitationConcern>().When(r => r.Concern is not null);
    }
}

public sealed class ExploitationReferralRequestValidator : AbstractValidator<ExploitationReferralRequest>
{
    public ExploitationReferralRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Concern)
            .EnumName<ExploitationReferralRequest, ExploitationConcern>()
            .NotEqual(nameof(ExploitationConcern.None), StringComparer.OrdinalIgnoreCase)
            .WithMessage("'Concern' must be SexualExploitation or CriminalExploitation for a referral.");
        RuleFor(r => r.RaisedOn).NotNull().NotInFuture(clock);
    }
}
