using QRCoder;

namespace Portal.Web.Components.Account;

/// <summary>Helpers of the two-factor pages.</summary>
internal static class TwoFactorPages
{
    /// <summary>A return URL if it stays on this site (a local path), otherwise the home page (<see cref="Auth.ReturnUrls"/>).</summary>
    public static string LocalOrHome(string? returnUrl) => Auth.ReturnUrls.LocalOrRoot(returnUrl);

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
