using Partnership.Contracts.LeavingCare.V1;
using Partnership.LeavingCare.Data;
using Partnership.LeavingCare.Domain;
using Partnership.ServiceDefaults.Http;

namespace Partnership.LeavingCare.Apis;

/// <summary>Create, list and get for each fact the leaving care service records; each create publishes its event.</summary>
public static class CareLeaverRecordsApi
{
    private const string Root = "/api/leaving-care";

    public static IEndpointRouteBuilder MapCareLeaverRecordsApi(this IEndpointRouteBuilder app)
    {
        app.MapAgencyRecords<LeavingCareDbContext, RecordContactRequest, CareLeaverContact, CareLeaverContactRecorded, ContactResponse>(
            $"{Root}/contacts", "Contact (in touch)", LeavingCareScopes.Both, Contacts.CreateAsync, Contacts.ToEvent, Contacts.ToResponse);
        app.MapAgencyRecords<LeavingCareDbContext, RecordActivityRequest, CareLeaverActivity, CareLeaverActivityRecorded, ActivityResponse>(
            $"{Root}/activities", "Activities", LeavingCareScopes.Both, Activities.CreateAsync, Activities.ToEvent, Activities.ToResponse);
        app.MapAgencyRecords<LeavingCareDbContext, RecordAccommodationRequest, CareLeaverAccommodation, CareLeaverAccommodationRecorded, AccommodationResponse>(
            $"{Root}/accommodation", "Accommodation", LeavingCareScopes.Both,
            AccommodationRecords.CreateAsync, AccommodationRecords.ToEvent, AccommodationRecords.ToResponse);
        app.MapAgencyRecords<LeavingCareDbContext, StartStayingPutRequest, StayingPutArrangement, StayingPutChanged, StayingPutResponse>(
            $"{Root}/staying-put", "Staying Put", LeavingCareScopes.Both, StayingPut.CreateAsync, StayingPut.ToStartedEvent, StayingPut.ToResponse);
        app.MapAgencyRecords<LeavingCareDbContext, RecordPathwayPlanRequest, PathwayPlan, PathwayPlanCompleted, PathwayPlanResponse>(
            $"{Root}/pathway-plans", "Pathway plans", LeavingCareScopes.Both, PathwayPlans.CreateAsync, PathwayPlans.ToEvent, PathwayPlans.ToResponse);
        app.MapAgencyRecords<LeavingCareDbContext, AllocatePersonalAdviserRequest, PersonalAdviserAllocation, PersonalAdviserAllocated, PersonalAdviserResponse>(
            $"{Root}/personal-advisers", "Personal advisers", LeavingCareScopes.Both,
            PersonalAdvisers.CreateAsync, PersonalAdvisers.ToEvent, PersonalAdvisers.ToResponse);
        app.MapAgencyRecords<LeavingCareDbContext, StartLivingSkillsRequest, LivingSkillsProgramme, LivingSkillsBookletStarted, LivingSkillsResponse>(
            $"{Root}/living-skills", "Living skills programme", LeavingCareScopes.Both, LivingSkills.CreateAsync, LivingSkills.ToEvent, LivingSkills.ToResponse);
        return app;
    }
}
