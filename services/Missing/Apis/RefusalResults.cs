using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Partnership.Missing.Domain;

namespace Partnership.Missing.Apis;

public static class RefusalResults
{
    public static IResult ToResult(this Refusal refusal) => refusal.IsFieldError
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field!] = [refusal.Message] }, title: "The request is invalid.")
        : Conflict(refusal.Message);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The episode's state does not allow this.");

    /// <summary>
    /// Saves, turning a lost race (another caller changed the episode first, or opened a second episode for the child)
    /// into a refusal instead of a 500: the loser re-reads and sees why.
    /// </summary>
    public static async Task<Refusal?> SaveOrRefuseAsync(this DbContext db, CancellationToken ct,
        string duplicateMessage = "Another request changed this episode at the same time; read it again.")
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("The episode was changed by another request; read it again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Refusal.Conflict(duplicateMessage);
        }
    }
}
