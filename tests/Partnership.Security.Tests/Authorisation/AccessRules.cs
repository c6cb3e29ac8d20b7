using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;
using static Partnership.Security.Tests.Authorisation.Access;

namespace Partnership.Security.Tests.Authorisation;

/// <summary>
/// The declared authorisation of every endpoint of every service: route pattern and method → who is admitted.
/// A new endpoint fails the matrix until it is added here, and a rule whose endpoint is gone fails it too, so this
/// table is the reviewed statement of who may call what.
/// </summary>
public static class AccessRules
{
    public sealed record Rule(string Service, string Method, string Pattern, Access Access, Transport Transport = Transport.Rest, bool DevelopmentOnly = false)
    {
        public string Key => $"{Method} {Pattern}";
        public override string ToString() => $"{Service} {Key}";
    }

    public enum Transport { Rest, Grpc }

    /// <summary>Probes for the orchestrator and, on developer machines only, the API description.</summary>
    private static IEnumerable<Rule> Infrastructure(string service) =>
    [
        new(service, "GET", "/health", Anonymous),
        new(service, "GET", "/alive", Anonymous),
        new(service, "GET", "/openapi/{documentName}.json", Anonymous, DevelopmentOnly: true),
        new(service, "GET", "/scalar/{documentName?}", Anonymous, DevelopmentOnly: true),
        new(service, "GET", "/scalar/scalar.js", Anonymous, DevelopmentOnly: true),
        new(service, "GET", "/scalar/scalar.aspnetcore.js", Anonymous, DevelopmentOnly: true),
        new(service, "GET", "/scalar/favicon.svg", Anonymous, DevelopmentOnly: true),
    ];

    private static IEnumerable<Rule> Records(string service, string prefix, string read, string write) =>
    [
        new(service, "POST", prefix, Scope(write)),
        new(service, "GET", prefix, Scope(read)),
        new(service, "GET", prefix + "/{id:guid}", Scope(read)),
    ];

    public static readonly IReadOnlyList<Rule> All = [.. CareRegister(), .. Health(), .. VirtualSchool(), .. YouthJustice(),
        .. Missing(), .. LeavingCare(), .. Sharing(), .. Board()];

    public static IEnumerable<Rule> For(string service) => All.Where(r => r.Service == service);

    private static IEnumerable<Rule> CareRegister()
    {
        const string s = "care-register", read = "care-register.read", write = "care-register.write";
        const string child = "/api/care-register/children/{childKey}";
        return
        [
            .. Infrastructure(s),
            new(s, "GET", "/api/care-register/children", Scope(read)),
            new(s, "POST", "/api/care-register/children", Scope(write)),
            new(s, "GET", child, Scope(read)),
            new(s, "POST", child + "/care-leaver", Scope(write)),
            new(s, "POST", child + "/cease-care", Scope(write)),
            new(s, "POST", child + "/enter-care", Scope(write)),
            new(s, "POST", child + "/legal-status-changes", Scope(write)),
            new(s, "POST", child + "/placement-changes", Scope(write)),
            new(s, "POST", child + "/reviews", Scope(write)),
            new(s, "POST", child + "/adoption-milestones", Scope(write, Agencies.SocialCare)),
            new(s, "POST", "/api/care-register/imports/{collectionYear:int}", Scope(write)),
            new(s, "GET", "/api/care-register/imports/{id:guid}", Scope(read)),
            new(s, "POST", "/api/care-register/resolve", Scope("child.resolve")),
        ];
    }

    private static IEnumerable<Rule> Health()
    {
        const string s = "health", read = "health.read", write = "health.write";
        return
        [
            .. Infrastructure(s),
            new(s, "POST", "/api/health/assessments", Scope(write, Agencies.Health)),
            new(s, "GET", "/api/health/assessments", Scope(read, Agencies.Health)),
            new(s, "GET", "/api/health/assessments/{id:guid}", Scope(read, Agencies.Health)),
            new(s, "POST", "/api/health/camhs-referrals", Scope(write, Agencies.Health)),
            new(s, "GET", "/api/health/camhs-referrals/{id:guid}", Scope(read, Agencies.Health)),
            new(s, "POST", "/api/health/camhs-referrals/{id:guid}/outcome-measure-completed", Scope(write, Agencies.Health)),
            new(s, "POST", "/api/health/camhs-referrals/{id:guid}/outcome-measure-offered", Scope(write, Agencies.Health)),
            new(s, "GET", "/api/health/children/{childKey}/summary", Scope(read, Agencies.Health)),
            new(s, "POST", "/api/health/dental-checks", Scope(write, Agencies.Health)),
            new(s, "POST", "/api/health/gp-registrations", Scope(write, Agencies.Health)),
            new(s, "POST", "/api/health/immunisations", Scope(write, Agencies.Health)),
            new(s, "POST", "/api/health/sdq-scores", Scope(write, Agencies.Health)),
            new(s, "POST", "/api/health/substance-misuse", Scope(write, Agencies.Health)),
        ];
    }

    private static IEnumerable<Rule> VirtualSchool()
    {
        const string s = "virtual-school", read = "virtual-school.read", write = "virtual-school.write";
        return
        [
            .. Infrastructure(s),
            .. Records(s, "/api/virtual-school/admissions", read, write),
            .. Records(s, "/api/virtual-school/attainment", read, write),
            .. Records(s, "/api/virtual-school/exclusions", read, write),
            .. Records(s, "/api/virtual-school/neet", read, write),
            .. Records(s, "/api/virtual-school/personal-education-plans", read, write),
            .. Records(s, "/api/virtual-school/school-moves", read, write),
            new(s, "GET", "/api/virtual-school/attendance", Scope(read)),
            new(s, "GET", "/api/virtual-school/attendance/absence", Scope(read)),
            new(s, "POST", "/api/virtual-school/attendance/bulk", Scope(write)),
            new(s, "PUT", "/api/virtual-school/attendance/{childKey}/{date}/{session}", Scope(write)),
        ];
    }

    private static IEnumerable<Rule> YouthJustice()
    {
        const string s = "youth-justice", read = "youth-justice.read";
        return
        [
            .. Infrastructure(s),
            new(s, "POST", "/api/youth-justice/outcomes", Scope("youth-justice.write", Agencies.YouthOffending, Agencies.Police)),
            new(s, "GET", "/api/youth-justice/outcomes", Scope(read)),
            new(s, "GET", "/api/youth-justice/outcomes/{id:guid}", Scope(read)),
        ];
    }

    private static IEnumerable<Rule> Missing()
    {
        const string s = "missing", read = "missing.read", write = "missing.write";
        const string episode = "/api/missing/episodes/{id:guid}";
        var log = Scope(write, Agencies.Police, Agencies.MissingTeam);
        var manage = Scope(write, Agencies.MissingTeam);
        return
        [
            .. Infrastructure(s),
            new(s, "POST", "/api/missing/episodes", log),
            new(s, "GET", "/api/missing/episodes/open", Scope(read)),
            new(s, "GET", "/api/missing/episodes/overdue-interviews", Scope(read)),
            new(s, "GET", episode, Scope(read)),
            new(s, "POST", episode + "/end", log),
            new(s, "POST", episode + "/exploitation-referrals", log),
            new(s, "POST", episode + "/return-interview", log),
            new(s, "PUT", episode + "/return-interview", manage),
            new(s, "POST", episode + "/return-interview/close", manage),
        ];
    }

    private static IEnumerable<Rule> LeavingCare()
    {
        const string s = "leaving-care", read = "leaving-care.read", write = "leaving-care.write";
        return
        [
            .. Infrastructure(s),
            .. Records(s, "/api/leaving-care/accommodation", read, write),
            .. Records(s, "/api/leaving-care/activities", read, write),
            .. Records(s, "/api/leaving-care/contacts", read, write),
            .. Records(s, "/api/leaving-care/living-skills", read, write),
            .. Records(s, "/api/leaving-care/pathway-plans", read, write),
            .. Records(s, "/api/leaving-care/personal-advisers", read, write),
            .. Records(s, "/api/leaving-care/staying-put", read, write),
            new(s, "GET", "/api/leaving-care/care-leavers", Scope(read)),
            new(s, "POST", "/api/leaving-care/care-leavers", Scope(write)),
            new(s, "GET", "/api/leaving-care/higher-education", Scope(read)),
            new(s, "POST", "/api/leaving-care/staying-put/{id:guid}/end", Scope(write)),
        ];
    }

    private static IEnumerable<Rule> Sharing()
    {
        const string s = "sharing", grpc = "/partnership.sharing.v1.SharingService";
        var oversight = ScopeOrRole("sharing.admin", StaffRoles.DataProtectionOfficer);
        return
        [
            .. Infrastructure(s),
            new(s, "GET", "/api/sharing/inbox", Scope("sharing.inbox")),
            new(s, "GET", "/api/sharing/admin/audit/verify", oversight),
            new(s, "GET", "/api/sharing/admin/overrides", oversight),
            new(s, "POST", grpc + "/Decide", Scope("sharing.decide"), Transport.Grpc),
            new(s, "POST", grpc + "/RecordConsent", Scope("sharing.decide"), Transport.Grpc),
            new(s, "POST", grpc + "/WithdrawConsent", Scope("sharing.decide"), Transport.Grpc),
            new(s, "POST", grpc + "/RecordOverride", Scope("sharing.decide"), Transport.Grpc),
            new(s, "POST", grpc + "/ListDecisions", oversight, Transport.Grpc),
            // gRPC's catch-alls answer "unimplemented" to unknown methods; they still sit behind the fallback policy.
            new(s, "GET", grpc + "/{unimplementedMethod:grpcunimplemented}", AnyAuthenticated, Transport.Grpc),
            new(s, "GET", "/{unimplementedService}/{unimplementedMethod:grpcunimplemented}", AnyAuthenticated, Transport.Grpc),
        ];
    }

    private static IEnumerable<Rule> Board()
    {
        const string s = "board", read = "board.read", write = "board.write";
        return
        [
            .. Infrastructure(s),
            new(s, "GET", "/api/board/plans", Scope(read)),
            new(s, "GET", "/api/board/indicators", Scope(read)),
            new(s, "GET", "/api/board/indicators/{id}", Scope(read)),
            new(s, "GET", "/api/board/indicators/{id}/manual-values", Scope(read)),
            new(s, "POST", "/api/board/indicators/{id}/manual-values", Scope(write)),
            new(s, "POST", "/api/board/rebuild", ScopeAndRole(write, StaffRoles.Administrator)),
        ];
    }
}
