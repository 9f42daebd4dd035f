using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Live;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.AdminConfig;

/// <summary>The tier thresholds and review SLAs as an administrator edits them.</summary>
public sealed class SettingsForm
{
    public decimal KaMonthlyGmv { get; set; }

    public decimal SkaMonthlyGmv { get; set; }

    public int DemotionMonths { get; set; }

    public int ApplicationReviewWorkingDays { get; set; }

    public int DocumentReviewWorkingDays { get; set; }

    /// <summary>The override rows' revisions when the form was loaded; a save refuses if another administrator changed them since.</summary>
    public string Stamp { get; set; } = "";
}

/// <summary>The editable settings: what is in force, what the configuration files say, and which are overridden.</summary>
public sealed record SettingsView(SettingsForm Current, SettingsForm Defaults, IReadOnlySet<string> Overridden);

public sealed class SettingsFormValidator : AbstractValidator<SettingsForm>
{
    public const int MaxDemotionMonths = TierOptions.MaxDemotionMonths;
    public const int MaxReviewDays = 60;

    public SettingsFormValidator(IStringLocalizer<AdminConfigStrings> strings)
    {
        RuleFor(f => f.KaMonthlyGmv).GreaterThan(0).WithMessage(_ => strings["AdminConfig_Validation_Positive", strings["AdminConfig_Field_KaMonthlyGmv"]]);
        RuleFor(f => f.SkaMonthlyGmv).GreaterThan(f => f.KaMonthlyGmv).WithMessage(_ => strings["AdminConfig_Validation_SkaAboveKa"]);
        RuleFor(f => f.DemotionMonths).InclusiveBetween(1, MaxDemotionMonths)
            .WithMessage(_ => strings["AdminConfig_Validation_Range", strings["AdminConfig_Field_DemotionMonths"], 1, MaxDemotionMonths]);
        RuleFor(f => f.ApplicationReviewWorkingDays).InclusiveBetween(1, MaxReviewDays)
            .WithMessage(_ => strings["AdminConfig_Validation_Range", strings["AdminConfig_Field_ApplicationReviewDays"], 1, MaxReviewDays]);
        RuleFor(f => f.DocumentReviewWorkingDays).InclusiveBetween(1, MaxReviewDays)
            .WithMessage(_ => strings["AdminConfig_Validation_Range", strings["AdminConfig_Field_DocumentReviewDays"], 1, MaxReviewDays]);
    }
}

/// <summary>
/// Reads and writes the administrators' overrides of the tier thresholds and review SLAs
/// (<see cref="PortalSetting"/>). Admins only, checked on every call. A saved value takes effect
/// at once: the store reloads and every <see cref="IOptionsMonitor{TOptions}"/> sees it.
/// A value equal to the configuration file's default removes the override.
/// </summary>
public sealed class SettingsAdminService(
    IDbContextFactory<PortalDbContext> dbFactory,
    SettingsOverrideStore store,
    IConfiguration configuration,
    IValidator<SettingsForm> validator,
    IEnumerable<IValidateOptions<TierOptions>> tierValidators,
    IStringLocalizer<AdminConfigStrings> strings,
    TimeProvider clock,
    ILiveUpdates live)
{
    /// <summary>The settings in force and the files' defaults; null for anyone but an administrator.</summary>
    public async Task<SettingsView?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, user, clock, cancellationToken) is null)
        {
            return null;
        }

        var rows = await db.PortalSettings.AsNoTracking().ToListAsync(cancellationToken);
        var defaults = Defaults();
        var values = rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.OrdinalIgnoreCase);
        var current = new SettingsForm
        {
            KaMonthlyGmv = Read(values, EditableSettings.KaMonthlyGmv, defaults.KaMonthlyGmv),
            SkaMonthlyGmv = Read(values, EditableSettings.SkaMonthlyGmv, defaults.SkaMonthlyGmv),
            DemotionMonths = (int)Read(values, EditableSettings.DemotionMonths, defaults.DemotionMonths),
            ApplicationReviewWorkingDays = (int)Read(values, EditableSettings.ApplicationReviewWorkingDays, defaults.ApplicationReviewWorkingDays),
            DocumentReviewWorkingDays = (int)Read(values, EditableSettings.DocumentReviewWorkingDays, defaults.DocumentReviewWorkingDays),
            Stamp = Stamp(rows),
        };
        return new SettingsView(current, defaults, rows.Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Validates and stores <paramref name="form"/>; refused for non-administrators and when another administrator saved since the form was read.</summary>
    public async Task<Outcome> SaveAsync(ClaimsPrincipal user, SettingsForm form, CancellationToken cancellationToken = default)
    {
        await using (var gate = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await AdminGate.AdminIdAsync(gate, user, clock, cancellationToken) is null)
            {
                return Outcome.Fail(strings["AdminConfig_Refused_AdminOnly"]);
            }
        }

        using var audit = Audit.AuditScope.Begin(user);
        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Fail(result.Errors.Select(e => e.ErrorMessage));
        }

        // The options' own start-up rules too, so a saved override can never stop the app.
        var candidate = new TierOptions { KaMonthlyGmv = form.KaMonthlyGmv, SkaMonthlyGmv = form.SkaMonthlyGmv, DemotionMonths = form.DemotionMonths };
        if (tierValidators.Select(v => v.Validate(Microsoft.Extensions.Options.Options.DefaultName, candidate)).Any(r => r.Failed))
        {
            return Outcome.Fail(strings["AdminConfig_Validation_SkaAboveKa"]);
        }

        var defaults = Defaults();
        var wanted = new Dictionary<string, (string Value, bool IsDefault)>
        {
            [EditableSettings.KaMonthlyGmv] = (Format(form.KaMonthlyGmv), form.KaMonthlyGmv == defaults.KaMonthlyGmv),
            [EditableSettings.SkaMonthlyGmv] = (Format(form.SkaMonthlyGmv), form.SkaMonthlyGmv == defaults.SkaMonthlyGmv),
            [EditableSettings.DemotionMonths] = (Format(form.DemotionMonths), form.DemotionMonths == defaults.DemotionMonths),
            [EditableSettings.ApplicationReviewWorkingDays] = (Format(form.ApplicationReviewWorkingDays), form.ApplicationReviewWorkingDays == defaults.ApplicationReviewWorkingDays),
            [EditableSettings.DocumentReviewWorkingDays] = (Format(form.DocumentReviewWorkingDays), form.DocumentReviewWorkingDays == defaults.DocumentReviewWorkingDays),
        };

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var rows = await db.PortalSettings.ToListAsync(cancellationToken);
            if (Stamp(rows) != form.Stamp)
            {
                return Outcome.Fail(strings["AdminConfig_Refused_Conflict"]);
            }

            var now = clock.GetUtcNow();
            var userId = BrandDirectory.UserId(user);
            foreach (var (key, (value, isDefault)) in wanted)
            {
                var row = rows.SingleOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
                if (isDefault)
                {
                    if (row is not null)
                    {
                        db.PortalSettings.Remove(row);
                    }
                }
                else if (row is null)
                {
                    db.PortalSettings.Add(new PortalSetting { Key = key, Value = value, UpdatedAt = now, UpdatedByUserId = userId });
                }
                else if (row.Value != value)
                {
                    row.Value = value;
                    row.UpdatedAt = now;
                    row.UpdatedByUserId = userId;
                    row.Revision++;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException race) when (race is DbUpdateConcurrencyException || UniqueViolation.Is(race))
            {
                // Another admin changed a setting read here (its revision), or added one first (its key).
                return Outcome.Fail(strings["AdminConfig_Refused_Conflict"]);
            }
        }

        await store.ReloadAsync(cancellationToken);
        // Every other process reloads too (SettingsOverrideRefresher), so a worker's next evaluation uses the new thresholds.
        live.Publish(SettingsOverrideStore.LiveKind, "");
        return Outcome.Ok;
    }

    private SettingsForm Defaults()
    {
        var tiers = configuration.GetSection(TierOptions.Section).Get<TierOptions>() ?? new TierOptions();
        var applications = configuration.GetSection(ApplicationOptions.Section).Get<ApplicationOptions>() ?? new ApplicationOptions();
        var documents = configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions();
        return new SettingsForm
        {
            KaMonthlyGmv = tiers.KaMonthlyGmv,
            SkaMonthlyGmv = tiers.SkaMonthlyGmv,
            DemotionMonths = tiers.DemotionMonths,
            ApplicationReviewWorkingDays = applications.ReviewTargetWorkingDays,
            DocumentReviewWorkingDays = documents.ReviewWorkingDays,
        };
    }

    private static decimal Read(Dictionary<string, string> values, string key, decimal fallback) =>
        values.TryGetValue(key, out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Stamp(IEnumerable<PortalSetting> rows) =>
        string.Join(";", rows.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Select(r => $"{r.Key}={r.Revision}:{r.Value}"));
}
