using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Portal.Core.Features.AdminConfig;

/// <summary>Rules the editors' validators share, with the localized messages that name the field.</summary>
internal static partial class EditorValidation
{
    public const int CodeMaxLength = 64;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    /// <summary>A stable slug such as <c>food-licence</c>: lower-case letters, digits and single hyphens.</summary>
    public static IRuleBuilderOptions<T, string> ValidCode<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<AdminConfigStrings> strings) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => strings["AdminConfig_Validation_Required", strings["AdminConfig_Field_Code"]])
            .MaximumLength(CodeMaxLength).WithMessage(_ => strings["AdminConfig_Validation_MaxLength", strings["AdminConfig_Field_Code"], CodeMaxLength])
            .Must(code => Slug().IsMatch(code)).WithMessage(_ => strings["AdminConfig_Validation_Code"]);

    /// <summary>Required text of at most <paramref name="max"/> characters; <paramref name="field"/> is the field's resource key.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<AdminConfigStrings> strings, string field, int max) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage(_ => strings["AdminConfig_Validation_Required", strings[field]])
            .MaximumLength(max).WithMessage(_ => strings["AdminConfig_Validation_MaxLength", strings[field], max]);

    public static IRuleBuilderOptions<T, string> OptionalText<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<AdminConfigStrings> strings, string field, int max) =>
        rule.MaximumLength(max).WithMessage(_ => strings["AdminConfig_Validation_MaxLength", strings[field], max]);

    public static IRuleBuilderOptions<T, int> SortOrder<T>(this IRuleBuilder<T, int> rule, IStringLocalizer<AdminConfigStrings> strings) =>
        rule.InclusiveBetween(0, 9999).WithMessage(_ => strings["AdminConfig_Validation_Range", strings["AdminConfig_Field_SortOrder"], 0, 9999]);
}
