using Partnership.CareRegister.Domain;
using Partnership.CareRegister.Validation;

namespace Partnership.CareRegister.Apis;

public static class ChildMappings
{
    public static ChildResponse ToResponse(this Child c) => new(
        c.ChildKey, c.GivenName, c.FamilyName, c.DateOfBirth, c.Sex, c.Ethnicity, c.NhsNumber, c.Upn, c.PoliceReference, c.LocalChildId,
        c.OpenEpisode is not null, c.CareLeaverCategory?.ToString(), c.CareLeaverSince, c.NextReviewDue(),
        [.. c.Episodes.OrderBy(e => e.Start).Select(e => new EpisodeResponse(
            e.Start, e.End, e.ReasonNewEpisode, e.LegalStatus, e.PlacementType, CareCodes.ProviderCode(e.Provider),
            e.WithinTwentyMiles, e.ReasonPlaceChange, e.ReasonCeased, e.HomePostcode, e.PlacementPostcode))],
        [.. c.Reviews.OrderBy(r => r.HeldOn).Select(r => new ReviewResponse(r.DueOn, r.HeldOn, r.ParticipationCode))],
        [.. c.AdoptionMilestones.OrderBy(m => m.Milestone).Select(m => new AdoptionMilestoneResponse(m.Milestone.ToString(), m.On, m.EnteredCareOn, m.RecordedAt))]);
}
