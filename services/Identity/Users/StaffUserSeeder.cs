using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partnership.Identity.Data;

namespace Partnership.Identity.Users;

/// <summary>Creates or refreshes the development staff accounts so a changed seed file takes effect on restart.</summary>
public sealed class StaffUserSeeder(IPasswordHasher<StaffUser> passwordHasher, TimeProvider timeProvider, ILogger<StaffUserSeeder> logger)
{
    public async Task SeedAsync(IdentityDbContext db, CancellationToken cancellationToken)
    {
        foreach (var seed in DevelopmentStaffUsers.All)
        {
            var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == seed.UserName, cancellationToken);
            if (user is null)
            {
                user = new StaffUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = seed.UserName,
                    DisplayName = seed.DisplayName,
                    CreatedAt = timeProvider.GetUtcNow(),
                };
                db.StaffUsers.Add(user);
            }

            user.DisplayName = seed.DisplayName;
            user.Roles = [.. seed.Roles];
            user.Agency = seed.Agency;
            user.IsActive = true;
            if (passwordHasher.VerifyHashedPassword(user, user.PasswordHash, seed.Password) != PasswordVerificationResult.Success)
            {
                user.PasswordHash = passwordHasher.HashPassword(user, seed.Password);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        IdentityLog.DevelopmentUsersSeeded(logger, DevelopmentStaffUsers.All.Count);
    }
}
