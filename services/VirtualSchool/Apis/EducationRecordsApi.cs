using Partnership.ServiceDefaults.Http;
using Partnership.VirtualSchool.Data;
using Partnership.VirtualSchool.Domain;

namespace Partnership.VirtualSchool.Apis;

/// <summary>Create, list and get for each education record the virtual school submits; each create publishes its event.</summary>
public static class EducationRecordsApi
{
    private const string Root = "/api/virtual-school";

    public static IEndpointRouteBuilder MapEducationRecordsApi(this IEndpointRouteBuilder app)
    {
        app.MapAgencyRecords<VirtualSchoolDbContext, RecordExclusionRequest, Exclusion, Contracts.VirtualSchool.V1.ExclusionRecorded, ExclusionResponse>(
            $"{Root}/exclusions", "Exclusions", VirtualSchoolScopes.Both, Sync<RecordExclusionRequest, Exclusion>(Exclusions.Create),
            Exclusions.ToEvent, Exclusions.ToResponse);
        app.MapAgencyRecords<VirtualSchoolDbContext, RecordPepRequest, PersonalEducationPlan, Contracts.VirtualSchool.V1.PersonalEducationPlanCompleted, PepResponse>(
            $"{Root}/personal-education-plans", "Personal Education Plans", VirtualSchoolScopes.Both,
            Sync<RecordPepRequest, PersonalEducationPlan>(PersonalEducationPlans.Create),
            PersonalEducationPlans.ToEvent, PersonalEducationPlans.ToResponse);
        app.MapAgencyRecords<VirtualSchoolDbContext, RecordAttainmentRequest, AttainmentResult, Contracts.VirtualSchool.V1.AttainmentRecorded, AttainmentResponse>(
            $"{Root}/attainment", "Attainment", VirtualSchoolScopes.Both, Sync<RecordAttainmentRequest, AttainmentResult>(AttainmentResults.Create),
            AttainmentResults.ToEvent, AttainmentResults.ToResponse);
        app.MapAgencyRecords<VirtualSchoolDbContext, RecordSchoolAdmissionRequest, SchoolAdmission, Contracts.VirtualSchool.V1.SchoolAdmissionProcessed, SchoolAdmissionResponse>(
            $"{Root}/admissions", "School admissions", VirtualSchoolScopes.Both,
            Sync<RecordSchoolAdmissionRequest, SchoolAdmission>(SchoolAdmissions.Create),
            SchoolAdmissions.ToEvent, SchoolAdmissions.ToResponse);
        app.MapAgencyRecords<VirtualSchoolDbContext, RecordSchoolMoveRequest, SchoolMove, Contracts.VirtualSchool.V1.SchoolMoveRecorded, SchoolMoveResponse>(
            $"{Root}/school-moves", "School moves", VirtualSchoolScopes.Both, Sync<RecordSchoolMoveRequest, SchoolMove>(SchoolMoves.Create),
            SchoolMoves.ToEvent, SchoolMoves.ToResponse);
        app.MapAgencyRecords<VirtualSchoolDbContext, RecordNeetStatusRequest, NeetStatus, Contracts.VirtualSchool.V1.NeetStatusRecorded, NeetStatusResponse>(
            $"{Root}/neet", "NEET 16-18", VirtualSchoolScopes.Both, Sync<RecordNeetStatusRequest, NeetStatus>(NeetStatuses.Create),
            NeetStatuses.ToEvent, NeetStatuses.ToResponse);
        return app;
    }

    private static Func<TRequest, RecordAuthor, VirtualSchoolDbContext, CancellationToken, Task<TEntity>> Sync<TRequest, TEntity>(
        Func<TRequest, RecordAuthor, TEntity> create) => (request, by, _, _) => Task.FromResult(create(request, by));
}
