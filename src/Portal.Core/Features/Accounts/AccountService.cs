using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Email;
using Portal.Core.Features.Links;
using Portal.Core.Localization;
using Portal.Core.Work;

namespace Portal.Core.Features.Accounts;

/// <summary>What a new brand manager types to register.</summary>
public sealed class RegistrationRequest
{
    /// <summary>The longest name a person may go by, wherever an account is made (registration, an accepted invitation).</summary>
    public const int MaxDisplayName = 100;

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}

public sealed class RegistrationRequestValidator : AbstractValidator<RegistrationRequest>
{
    public RegistrationRequestValidator(IStringLocalizer<CoreStrings> strings)
    {
        RuleFor(r => r.Email)
            .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_Email"]])
            .EmailAddress().WithMessage(_ => strings["Validation_Email"])
            .MaximumLength(256).WithMessage(_ => strings["Validation_MaxLength", strings["Field_Email"], 256]);
        RuleFor(r => r.DisplayName)
            .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_DisplayName"]])
            .MaximumLength(RegistrationRequest.MaxDisplayName).WithMessage(_ => strings["Validation_MaxLength", strings["Field_DisplayName"], RegistrationRequest.MaxDisplayName]);
        RuleFor(r => r.Password)
            .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_Password"]]);
        RuleFor(r => r.ConfirmPassword)
            .Equal(r => r.Password).WithMessage(_ => strings["Validation_PasswordsDiffer"]);
    }
}

/// <summary>The outcome of an account operation: success, or messages ready to show.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, Guid? UserId = null)
{
    public static AccountResult Success(Guid userId) => new(true, [], userId);

    public static AccountResult Failure(IEnumerable<string> errors) => new(false, errors.Distinct().ToList());
}

/// <summary>Registration and password reset: the account actions that also send e-mail.</summary>
public sealed class AccountService(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IValidator<RegistrationRequest> validator,
    EmailComposer composer,
    PublicLinks links,
    IStringLocalizer<SecurityCoreStrings> securityStrings,
    IWorkDispatcher dispatcher)
{
    /// <summary>
    /// Creates a brand manager and queues the welcome e-mail in one transaction: either both are
    /// saved or neither. The e-mail is sent by a job; the row survives a restart. When sign-in needs a
    /// confirmed address (<c>Auth:RequireConfirmedEmail</c>), the e-mail is the confirmation link instead.
    /// An address that already has an account gets an e-mail saying so instead, and the answer is the
    /// same success (without a user id): the form must not tell anyone who has an account.
    /// </summary>
    public async Task<AccountResult> RegisterBrandManagerAsync(RegistrationRequest request, string culture, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return AccountResult.Failure(validation.Errors.Select(e => e.ErrorMessage));
        }

        var email = request.Email.Trim();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = request.DisplayName.Trim(),
            PreferredCulture = culture,
        };

        // Password rules first, for a new and a known address alike: otherwise a weak password
        // refused only for new addresses would tell which ones are taken.
        var passwordErrors = new List<string>();
        foreach (var rule in users.PasswordValidators)
        {
            var checkedPassword = await rule.ValidateAsync(users, user, request.Password);
            passwordErrors.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }

        if (passwordErrors.Count > 0)
        {
            return AccountResult.Failure(passwordErrors);
        }

        if (await users.FindByEmailAsync(email) is { } owner)
        {
            await TellOwnerAsync(owner, links.Login(), cancellationToken);
            return new AccountResult(true, []);
        }

        Guid emailId;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(user, request.Password);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException race) when (UniqueViolation.Is(race))
            {
                // The same address registered a moment ago (a double submit): the account exists, and its own
                // registration sent the e-mail. The same answer as for any known address.
                return new AccountResult(true, []);
            }

            if (!created.Succeeded)
            {
                // Likewise when Identity's own check saw that registration committed: never "already taken".
                return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))
                    ? new AccountResult(true, [])
                    : AccountResult.Failure(created.Errors.Select(e => e.Description));
            }

            var roles = await users.AddToRoleAsync(user, PortalRoles.BrandManager);
            if (!roles.Succeeded)
            {
                return AccountResult.Failure(roles.Errors.Select(e => e.Description));
            }

            var welcome = users.Options.SignIn.RequireConfirmedEmail
                ? composer.EmailConfirmation(email, user.DisplayName, links.EmailConfirmation(user.Id, await users.GenerateEmailConfirmationTokenAsync(user)), culture)
                : composer.Welcome(email, user.DisplayName, links.Login(), culture);
            db.OutgoingEmails.Add(welcome);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            emailId = welcome.Id;
        }

        dispatcher.SendEmail(emailId);
        return AccountResult.Success(user.Id);
    }

    private async Task TellOwnerAsync(PortalUser owner, string loginUrl, CancellationToken cancellationToken)
    {
        OutgoingEmail attempt;
        using (PortalCultures.Use(owner.PreferredCulture))
        {
            attempt = new OutgoingEmail
            {
                Kind = EmailKind.RegistrationAttempt,
                To = owner.Email!,
                Subject = securityStrings["Email_RegistrationAttempt_Subject"],
                TextBody = securityStrings["Email_RegistrationAttempt_Body", owner.DisplayName, loginUrl],
            };
        }

        db.OutgoingEmails.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.SendEmail(attempt.Id);
    }

    /// <summary>
    /// Queues a password-reset e-mail when the address belongs to an account. Says nothing either
    /// way, so the form cannot be used to learn who has an account.
    /// </summary>
    public async Task QueuePasswordResetAsync(string emailAddress, Func<string, string> resetUrl, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(emailAddress.Trim());
        if (user is null)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var email = composer.PasswordReset(user.Email!, user.DisplayName, resetUrl(token), user.PreferredCulture);
        db.OutgoingEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.SendEmail(email.Id);
    }
}
