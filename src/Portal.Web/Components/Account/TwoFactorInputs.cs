using FluentValidation;
using Microsoft.Extensions.Localization;
using QRCoder;

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

/// <summary>Helpers of the two-factor pages.</summary>
internal static class TwoFactorPages
{
    /// <summary>A return URL if it stays on this site (a local path), otherwise the home page.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/')
        && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    /// <summary>
    /// The QR code of <paramref name="text"/> as a PNG data URL: drawn on the server, so the page makes
    /// no request to a QR service and needs no script (the Content-Security-Policy allows data: images).
    /// </summary>
    public static string QrCodeDataUrl(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
