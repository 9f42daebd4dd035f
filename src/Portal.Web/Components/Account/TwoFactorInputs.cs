using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Components.Account;

/// <summary>A code from the authenticator app, and whether to remember the device (sign-in only).</summary>
public sealed class AuthenticatorCodeInput
{
    public string Code { get; set; } = "";

    public bool RememberMachine { get; set; }
}

public sealed class AuthenticatorCodeInputValidator : AbstractValidator<AuthenticatorCodeInput>
{
    public AuthenticatorCodeInputValidator(IStringLocalizer<TwoFactorStrings> strings) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => strings["Code_Required"]);
}

/// <summary>One of the recovery codes shown when two-factor sign-in was turned on.</summary>
public sealed class RecoveryCodeInput
{
    public string Code { get; set; } = "";
}

public sealed class RecoveryCodeInputValidator : AbstractValidator<RecoveryCodeInput>
{
    public RecoveryCodeInputValidator(IStringLocalizer<TwoFactorStrings> strings) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => strings["Recovery_Required"]);
}
