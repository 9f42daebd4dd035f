namespace Portal.Core.Features.Journey;

/// <summary>
/// The five STEPS areas, declared in the order the SKA centre recommends a new brand to work
/// them (DOMAIN.md): E, T, S, P, S. The recommended next step follows this order.
/// </summary>
public enum StepsArea
{
    /// <summary>E: influencer distribution (达人分销合作).</summary>
    Distribution,

    /// <summary>T: public traffic boost (公域流量加持).</summary>
    Traffic,

    /// <summary>S: brand self-streaming (品牌自播).</summary>
    SelfStreaming,

    /// <summary>P: private-domain repurchase (私域运营复购).</summary>
    PrivateDomain,

    /// <summary>S: channel-exclusive SKUs (品牌渠道特供).</summary>
    Exclusive,
}

public static class StepsAreas
{
    /// <summary>All areas in the recommended order.</summary>
    public static readonly IReadOnlyList<StepsArea> InRecommendedOrder = Enum.GetValues<StepsArea>();

    /// <summary>The letter the area has in STEPS.</summary>
    public static string Letter(this StepsArea area) => area switch
    {
        StepsArea.Distribution => "E",
        StepsArea.Traffic => "T",
        StepsArea.SelfStreaming => "S",
        StepsArea.PrivateDomain => "P",
        StepsArea.Exclusive => "S",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };
}
