using System.Net.Mail;
using Microsoft.Extensions.Localization;
using Portal.Core.Features.Applications;

namespace Portal.Core.Features.Providers;

/// <summary>What staff fill in to register a provider, and what a provider's person fills in to apply.</summary>
public sealed class ProviderForm
{
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string CompanyName { get; set; } = "";

    public ProviderCapability Capabilities { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public string? ContactPhone { get; set; }
}

/// <summary>The rules a <see cref="ProviderForm"/> must meet; every message is localized.</summary>
public static class ProviderFormRules
{
    /// <summary>The five capabilities in the platform's order (流量营销, 主播孵化, 供应链, 直播运营, 服务履约).</summary>
    public static readonly IReadOnlyList<ProviderCapability> Capabilities =
    [
        ProviderCapability.TrafficMarketing, ProviderCapability.StreamerIncubation, ProviderCapability.SupplyChain,
        ProviderCapability.LiveOperations, ProviderCapability.Fulfilment,
    ];

    /// <summary>Codes that are page names under <c>/ops/providers/</c>, so no provider can take them.</summary>
    public static readonly IReadOnlySet<string> ReservedCodes = new HashSet<string>(StringComparer.Ordinal) { "register", "apply", "new" };

    private static readonly ProviderCapability AllCapabilities = Capabilities.Aggregate(ProviderCapability.None, (all, c) => all | c);

    /// <summary>The capabilities set in <paramref name="capabilities"/>, in the platform's order.</summary>
    public static IReadOnlyList<ProviderCapability> Split(ProviderCapability capabilities) =>
        Capabilities.Where(c => capabilities.HasFlag(c)).ToList();

    /// <summary>The form's problems (empty when it may be saved); the database check for a taken code comes after.</summary>
    public static List<string> Validate(IStringLocalizer<ProviderStrings> strings, ProviderForm form)
    {
        var errors = new List<string>();
        var code = Normalize(form.Code);
        if (!ApplicationRules.IsValidCode(code) || ReservedCodes.Contains(code))
        {
            errors.Add(strings["Validation_Code"]);
        }

        Required(form.NameZh, "Field_NameZh", 200);
        Required(form.NameEn, "Field_NameEn", 200);
        Required(form.CompanyName, "Field_Company", 200);
        if ((form.Capabilities & AllCapabilities) == ProviderCapability.None || (form.Capabilities & ~AllCapabilities) != ProviderCapability.None)
        {
            errors.Add(strings["Validation_Capabilities"]);
        }

        Required(form.ContactName, "Field_ContactName", 100);
        var email = form.ContactEmail?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(strings["Validation_Required", strings["Field_ContactEmail"]]);
        }
        else if (email.Length > 320 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            errors.Add(strings["Validation_Email", strings["Field_ContactEmail"]]);
        }

        if ((form.ContactPhone?.Trim().Length ?? 0) > 40)
        {
            errors.Add(strings["Validation_TooLong", strings["Field_ContactPhone"], 40]);
        }

        return errors;

        void Required(string? value, string field, int max)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0)
            {
                errors.Add(strings["Validation_Required", strings[field]]);
            }
            else if (text.Length > max)
            {
                errors.Add(strings["Validation_TooLong", strings[field], max]);
            }
        }
    }

    /// <summary>The stored form of a code: trimmed, lower case.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToLowerInvariant();

    /// <summary>Copies the form's trimmed values onto <paramref name="provider"/>.</summary>
    internal static void CopyTo(ProviderForm form, Provider provider)
    {
        provider.Code = Normalize(form.Code);
        provider.NameZh = form.NameZh.Trim();
        provider.NameEn = form.NameEn.Trim();
        provider.CompanyName = form.CompanyName.Trim();
        provider.Capabilities = form.Capabilities;
        provider.ContactName = form.ContactName.Trim();
        provider.ContactEmail = form.ContactEmail.Trim().ToLowerInvariant();
        provider.ContactPhone = string.IsNullOrWhiteSpace(form.ContactPhone) ? null : form.ContactPhone.Trim();
    }
}
