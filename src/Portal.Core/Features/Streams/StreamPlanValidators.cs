using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Portal.Core.Features.Streams;

/// <summary>What a saved plan must satisfy whatever its state (readiness is a separate, softer check).</summary>
public sealed class StreamPlanValidator : AbstractValidator<StreamPlan>
{
    public const int TitleMaxLength = 120;
    public const int HostMaxLength = 100;
    public const int NameMaxLength = 100;
    public const int HighlightsMaxLength = 2000;
    public const int MaxMinutes = 24 * 60;

    public StreamPlanValidator(IStringLocalizer<StreamCoreStrings> strings)
    {
        RuleFor(p => p.Title)
            .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_Title"]])
            .MaximumLength(TitleMaxLength).WithMessage(_ => strings["Validation_MaxLength", strings["Field_Title"], TitleMaxLength]);
        RuleFor(p => p.Host)
            .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_Host"]])
            .MaximumLength(HostMaxLength).WithMessage(_ => strings["Validation_MaxLength", strings["Field_Host"], HostMaxLength]);
        RuleFor(p => p.PlannedMinutes)
            .InclusiveBetween(1, MaxMinutes).WithMessage(_ => strings["Validation_Range", strings["Field_PlannedMinutes"], 1, MaxMinutes]);
        RuleFor(p => p.GmvTarget)
            .GreaterThanOrEqualTo(0).When(p => p.GmvTarget is not null).WithMessage(_ => strings["Validation_NotNegative", strings["Field_GmvTarget"]]);

        RuleForEach(p => p.Shaping.Products).ChildRules(product =>
        {
            product.RuleFor(x => x.Name)
                .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_ProductName"]])
                .MaximumLength(NameMaxLength).WithMessage(_ => strings["Validation_MaxLength", strings["Field_ProductName"], NameMaxLength]);
            product.RuleFor(x => x.Price).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_Price"]]);
            product.RuleFor(x => x.Stock).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_Stock"]]);
        });
        RuleForEach(p => p.Timing.Segments).ChildRules(segment =>
        {
            segment.RuleFor(x => x.Name)
                .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_SegmentName"]])
                .MaximumLength(NameMaxLength).WithMessage(_ => strings["Validation_MaxLength", strings["Field_SegmentName"], NameMaxLength]);
            segment.RuleFor(x => x.Minutes)
                .InclusiveBetween(1, MaxMinutes).WithMessage(_ => strings["Validation_Range", strings["Field_SegmentMinutes"], 1, MaxMinutes]);
        });
        RuleFor(p => p.Flow.Budget).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_TrafficBudget"]]);
        RuleForEach(p => p.Gifts.Items).ChildRules(gift =>
        {
            gift.RuleFor(x => x.Description)
                .NotEmpty().WithMessage(_ => strings["Validation_Required", strings["Field_GiftDescription"]])
                .MaximumLength(NameMaxLength).WithMessage(_ => strings["Validation_MaxLength", strings["Field_GiftDescription"], NameMaxLength]);
            gift.RuleFor(x => x.Budget).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_GiftBudget"]]);
        });
        RuleFor(p => p.EarlyContent.WarmUpVideos).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_WarmUpVideos"]]);
        RuleFor(p => p.EarlyContent.Highlights)
            .MaximumLength(HighlightsMaxLength).WithMessage(_ => strings["Validation_MaxLength", strings["Field_Highlights"], HighlightsMaxLength]);
    }
}

public sealed class StreamResultsValidator : AbstractValidator<StreamResults>
{
    public StreamResultsValidator(IStringLocalizer<StreamCoreStrings> strings)
    {
        RuleFor(r => r.Gmv).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_Gmv"]]);
        RuleFor(r => r.Orders).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_Orders"]]);
        RuleFor(r => r.PeakViewers).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_PeakViewers"]]);
        RuleFor(r => r.NewFans).GreaterThanOrEqualTo(0).WithMessage(_ => strings["Validation_NotNegative", strings["Field_NewFans"]]);
        RuleFor(r => r.ActualMinutes)
            .InclusiveBetween(1, StreamPlanValidator.MaxMinutes).WithMessage(_ => strings["Validation_Range", strings["Field_ActualMinutes"], 1, StreamPlanValidator.MaxMinutes]);
    }
}
