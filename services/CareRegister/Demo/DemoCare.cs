using Partnership.CareRegister.Data;
using Partnership.CareRegister.Domain;
using Partnership.Contracts;
using Partnership.Contracts.CareRegister.V1;
using Partnership.ServiceDefaults.Outbox;

namespace Partnership.CareRegister.Demo;

/// <summary>
/// The demo seeder's hands: each change goes through the same domain rules as the API and stages the same event, so
/// demo data reaches the board exactly as real submissions do. A refused change is a bug in the seeder.
/// </summary>
internal sealed class DemoCare(CareRegisterDbContext db, DateTimeOffset now, DemoPlacements places)
{
    public void Enter(Child child, DateOnly on, string legalStatus, string placement, PlacementSite site)
    {
        var provider = places.Provider(placement);
        Check(child.EnterCare(on, legalStatus, placement, provider, site));
        Publish(new ChildEnteredCare
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            EnteredCareOn = on, LegalStatus = legalStatus, PlacementType = placement, Provider = provider,
            WithinTwentyMiles = site.WithinTwentyMiles, AgeYears = child.AgeOn(on),
        });
    }

    public void Move(Child child, DateOnly on, string placement, PlacementSite site, string reason)
    {
        var provider = places.Provider(placement);
        Check(child.ChangePlacement(on, placement, provider, site, reason));
        Publish(new PlacementChanged
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            ChangedOn = on, PlacementType = placement, Provider = provider, WithinTwentyMiles = site.WithinTwentyMiles,
            Reason = reason,
        });
    }

    public void ChangeLegalStatus(Child child, DateOnly on, string legalStatus)
    {
        Check(child.ChangeLegalStatus(on, legalStatus));
        Publish(new LegalStatusChanged
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            ChangedOn = on, LegalStatus = legalStatus,
        });
    }

    public void Cease(Child child, DateOnly on, string reasonCode)
    {
        Check(child.CeaseCare(on, reasonCode));
        Publish(new CeasedCare
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            CeasedOn = on, ReasonCode = reasonCode,
        });
    }

    public void BecomeCareLeaver(Child child, DateOnly on, CareLeaverCategory category)
    {
        child.CareLeaverCategory = category;
        child.CareLeaverSince = on;
        Publish(new BecameCareLeaver
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            On = on, Category = category,
        });
    }

    public void Review(Child child, DateOnly due, DateOnly held, string participation)
    {
        child.Reviews.Add(new CareReview { Id = Guid.CreateVersion7(), ChildId = child.Id, DueOn = due, HeldOn = held, ParticipationCode = participation });
        Publish(new ChildInCareReviewHeld
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            HeldOn = held, DueOn = due, ParticipationCode = participation,
        });
    }

    public void Milestone(Child child, AdoptionMilestone milestone, DateOnly on)
    {
        Check(child.RecordAdoptionMilestone(milestone, on, "demo-seeder", now, out var record));
        Publish(new AdoptionMilestoneReached
        {
            EventId = Guid.CreateVersion7(), OccurredAt = now, SourceAgency = Agencies.SocialCare, ChildKey = child.ChildKey,
            Milestone = milestone, On = record!.On, EnteredCareOn = record.EnteredCareOn,
        });
    }

    private void Publish<TEvent>(TEvent integrationEvent) where TEvent : IntegrationEvent => db.AddIntegrationEvent(integrationEvent);

    private static void Check(string? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The demo seeder made a change the register refuses: {refusal}");
        }
    }
}
