using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnership.Identity.Data;
using Partnership.Identity.Hosting;
using Partnership.Identity.Users;
using Partnership.ServiceDefaults.Auth;

namespace Partnership.Identity.Endpoints;

/// <summary>
/// GET/POST /account/login: a plain server-rendered form for staff. It only sets this service's cookie; the
/// authorization endpoint then issues the code to the dashboard.
/// </summary>
public static class LoginPage
{
    private const string FailedMessage = "The user name or password is incorrect.";

    // Verified against when the user name is unknown, so both failures take the same time and reveal nothing.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(IdentityServerRegistration.LoginPath, Show).ExcludeFromDescription();
        // The antiforgery token is validated explicitly in SignInAsync, which reads the form itself.
        endpoints.MapPost(IdentityServerRegistration.LoginPath, SignInAsync)
            .RequireRateLimiting(IdentityRateLimiting.LoginPolicy)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Render(context, antiforgery, LocalOrRoot(returnUrl), userName: "", error: null, StatusCodes.Status200OK);

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        IdentityDbContext db,
        IPasswordHasher<StaffUser> passwordHasher,
        ILogger<LoginPageLog> logger,
        CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var userName = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = LocalOrRoot(form["returnUrl"]);

        var user = userName.Length == 0
            ? null
            : await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName && u.IsActive, cancellationToken);
        var verification = passwordHasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, password);
        if (user is null || verification == PasswordVerificationResult.Failed)
        {
            IdentityLog.StaffSignInFailed(logger);
            return Render(context, antiforgery, returnUrl, userName, FailedMessage, StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, PartnershipClaims.Subject, PartnershipClaims.Role);
        identity.AddClaim(new Claim(PartnershipClaims.Subject, user.Id.ToString()));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        IdentityLog.StaffSignedIn(logger, user.Id);
        return Results.LocalRedirect(returnUrl);
    }

    /// <summary>Only same-site paths are followed after sign-in, so the form cannot be used as an open redirect.</summary>
    private static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
            ? url
            : "/";

    private static IResult Render(HttpContext context, IAntiforgery antiforgery, string returnUrl, string userName, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

        var errorBlock = error is null
            ? ""
            : $"""<p id="login-error" role="alert" class="error">{WebUtility.HtmlEncode(error)}</p>""";
        var describedBy = error is null ? "" : """ aria-describedby="login-error" aria-invalid="true" """;
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in – Partnership</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input { display: block; width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
                button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; }
                :focus-visible { outline: 3px solid #1d70b8; outline-offset: 2px; }
                .error { color: #b00020; font-weight: 600; }
              </style>
            </head>
            <body>
              <main>
                <h1>Sign in to the Partnership</h1>
                {{errorBlock}}
                <form method="post" action="{{IdentityServerRegistration.LoginPath}}" novalidate>
                  <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
                  <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
                  <label for="username">User name</label>
                  <input id="username" name="username" type="text" autocomplete="username" required value="{{WebUtility.HtmlEncode(userName)}}"{{describedBy}}>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required{{describedBy}}>
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>Log category for the login page.</summary>
    public sealed class LoginPageLog;
}
