using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Partnership.Contracts;
using Partnership.ServiceDefaults.Auth;
using Partnership.ServiceDefaults.Outbox;
using Partnership.ServiceDefaults.Persistence;
using Partnership.ServiceDefaults.Validation;

namespace Partnership.ServiceDefaults.Http;

/// <summary>Who is recording a fact, and when, as the endpoint saw it.</summary>
public sealed record RecordAuthor(string Agency, string Caller, DateTimeOffset At);

/// <summary>
/// The create / list / get endpoints of an agency's record type: validated create with its event in the same save,
/// paged list and single read limited to the caller's agency. Services supply only the mapping.
/// </summary>
public static class AgencyRecordEndpoints
{
    public static RouteHandlerBuilder MapCreateRecord<TDb, TRequest, TEntity, TEvent, TResponse>(
        this IEndpointRouteBuilder routes,
        string scope,
        Func<TRequest, RecordAuthor, TDb, CancellationToken, Task<TEntity>> create,
        Func<TEntity, TEvent> toEvent,
        Func<TEntity, TResponse> toResponse)
        where TDb : DbContext
        where TRequest : class
        where TEntity : AgencyRecord
        where TEvent : IntegrationEvent
    {
        var handler = new CreateHandler<TDb, TRequest, TEntity, TEvent, TResponse>(create, toEvent, toResponse);
        Delegate endpoint = handler.HandleAsync;
        return routes.MapPost("/", endpoint).RequireAuthorization(scope).WithValidation<TRequest>();
    }

    public static RouteHandlerBuilder MapListRecords<TDb, TEntity, TResponse>(
        this IEndpointRouteBuilder routes, string scope, Func<TEntity, TResponse> toResponse)
        where TDb : DbContext
        where TEntity : AgencyRecord
    {
        Delegate endpoint = new ReadHandler<TDb, TEntity, TResponse>(toResponse).ListAsync;
        return routes.MapGet("/", endpoint).RequireAuthorization(scope);
    }

    public static RouteHandlerBuilder MapGetRecord<TDb, TEntity, TResponse>(
        this IEndpointRouteBuilder routes, string scope, Func<TEntity, TResponse> toResponse)
        where TDb : DbContext
        where TEntity : AgencyRecord
    {
        Delegate endpoint = new ReadHandler<TDb, TEntity, TResponse>(toResponse).GetAsync;
        return routes.MapGet("/{id:guid}", endpoint).RequireAuthorization(scope);
    }

    /// <summary>Maps create, list and get for one record type under <paramref name="prefix"/>.</summary>
    public static RouteGroupBuilder MapAgencyRecords<TDb, TRequest, TEntity, TEvent, TResponse>(
        this IEndpointRouteBuilder routes,
        string prefix,
        string tag,
        (string Read, string Write) scopes,
        Func<TRequest, RecordAuthor, TDb, CancellationToken, Task<TEntity>> create,
        Func<TEntity, TEvent> toEvent,
        Func<TEntity, TResponse> toResponse)
        where TDb : DbContext
        where TRequest : class
        where TEntity : AgencyRecord
        where TEvent : IntegrationEvent
    {
        var group = routes.MapGroup(prefix).WithTags(tag);
        group.MapCreateRecord(scopes.Write, create, toEvent, toResponse);
        group.MapListRecords<TDb, TEntity, TResponse>(scopes.Read, toResponse);
        group.MapGetRecord<TDb, TEntity, TResponse>(scopes.Read, toResponse);
        return group;
    }

    private sealed class CreateHandler<TDb, TRequest, TEntity, TEvent, TResponse>(
        Func<TRequest, RecordAuthor, TDb, CancellationToken, Task<TEntity>> create,
        Func<TEntity, TEvent> toEvent,
        Func<TEntity, TResponse> toResponse)
        where TDb : DbContext
        where TRequest : class
        where TEntity : AgencyRecord
        where TEvent : IntegrationEvent
    {
        public async Task<Results<Created<TResponse>, ProblemHttpResult>> HandleAsync(
            TRequest request, ClaimsPrincipal user, TDb db, TimeProvider clock, HttpRequest http, CancellationToken ct)
        {
            if (user.Agency() is not { } agency)
            {
                return TypedResults.Problem("The token names no agency.", statusCode: StatusCodes.Status403Forbidden);
            }
            var entity = await create(request, new RecordAuthor(agency, user.Caller(), clock.GetUtcNow()), db, ct);
            db.Set<TEntity>().Add(entity);
            db.AddIntegrationEvent(toEvent(entity), clock);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"{http.Path.Value?.TrimEnd('/')}/{entity.Id}", toResponse(entity));
        }
    }

    private sealed class ReadHandler<TDb, TEntity, TResponse>(Func<TEntity, TResponse> toResponse)
        where TDb : DbContext
        where TEntity : AgencyRecord
    {
        public async Task<Ok<PagedResult<TResponse>>> ListAsync(
            ClaimsPrincipal user, TDb db, CancellationToken ct, int? page = null, int? pageSize = null, string? childKey = null)
        {
            var agency = user.Agency();
            var query = db.Set<TEntity>().AsNoTracking().Where(r => r.SubmittedByAgency == agency);
            if (!string.IsNullOrEmpty(childKey))
            {
                query = query.Where(r => r.ChildKey == childKey);
            }
            var result = await query.OrderByDescending(r => r.RecordedAt).ThenBy(r => r.Id)
                .ToPagedResultAsync(page, pageSize, toResponse, ct);
            return TypedResults.Ok(result);
        }

        public async Task<Results<Ok<TResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, TDb db, CancellationToken ct)
        {
            var agency = user.Agency();
            var entity = await db.Set<TEntity>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.SubmittedByAgency == agency, ct);
            return entity is null ? TypedResults.NotFound() : TypedResults.Ok(toResponse(entity));
        }
    }
}
