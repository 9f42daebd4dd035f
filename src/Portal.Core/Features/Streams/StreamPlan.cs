namespace Portal.Core.Features.Streams;

/// <summary>Where a stream plan stands: Draft → Ready → Done, or Cancelled from Draft or Ready.</summary>
public enum StreamStatus
{
    Draft,
    Ready,
    Done,
    Cancelled,
}

/// <summary>The five parts of a STAGE plan, in the checklist's order.</summary>
public enum StageSection
{
    /// <summary>盘货品: line-up, hero and traffic products, stock.</summary>
    Shaping,

    /// <summary>盘直播: the show's rhythm, segment by segment.</summary>
    Timing,

    /// <summary>盘商业化: paid traffic budget and tools.</summary>
    AccurateFlow,

    /// <summary>盘福利: coupons, giveaways, red packets.</summary>
    Gifts,

    /// <summary>盘亮点: highlights and warm-up short videos.</summary>
    EarlyContent,
}

/// <summary>What a product does in the line-up.</summary>
public enum ProductRole
{
    /// <summary>The product the stream is built around (主推款).</summary>
    Hero,

    /// <summary>Cheap product that pulls viewers in (引流款).</summary>
    Traffic,

    /// <summary>Product that carries the margin (利润款).</summary>
    Profit,
}

public enum GiftKind
{
    Coupon,
    Giveaway,
    RedPacket,
}

/// <summary>The platform's paid traffic tools a stream may use.</summary>
[Flags]
public enum TrafficTools
{
    None = 0,
    LivePromotion = 1,
    ShortVideoPromotion = 2,
    FanBoost = 4,
    StoreFeed = 8,
    PlatformCampaign = 16,
}

/// <summary>One planned live stream of a brand, with its STAGE sections and, afterwards, its results.</summary>
/// <remarks>
/// The sections and the results are owned types stored as JSON columns on the plan's row (see
/// <c>StreamPlanConfiguration</c>): they are always read and written with their plan, never queried
/// on their own, and their shape will change with the checklist; child tables would add five joins
/// and a migration per new field for nothing.
/// </remarks>
public sealed class StreamPlan : Data.IHasCreatedAt, Data.IBrandAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>When the stream starts; stored in UTC, shown in China Standard Time (<see cref="PlatformTime"/>).</summary>
    public DateTimeOffset StartAt { get; set; }

    public int PlannedMinutes { get; set; } = 120;

    /// <summary>The streamer or brand persona (人设) who hosts.</summary>
    public string Host { get; set; } = "";

    /// <summary>Optional GMV goal in yuan, compared with the result afterwards.</summary>
    public decimal? GmvTarget { get; set; }

    public StreamStatus Status { get; set; } = StreamStatus.Draft;

    public ShapingSection Shaping { get; set; } = new();

    public TimingSection Timing { get; set; } = new();

    public AccurateFlowSection Flow { get; set; } = new();

    public GiftsSection Gifts { get; set; } = new();

    public EarlyContentSection EarlyContent { get; set; } = new();

    /// <summary>What the stream achieved; entered after it, required before it is Done.</summary>
    public StreamResults? Results { get; set; }

    public Guid CreatedByUserId { get; set; }

    /// <summary>The provider the person planned it on behalf of (a delegation at the time); null when a member or staff did.</summary>
    public Guid? CreatedByProviderId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>S: the merchandise line-up.</summary>
public sealed class ShapingSection
{
    public List<PlannedProduct> Products { get; set; } = [];

    internal void CopyFrom(ShapingSection other)
    {
        Products.Clear();
        Products.AddRange(other.Products.Select(p => new PlannedProduct { Name = p.Name.Trim(), Role = p.Role, Price = p.Price, Stock = p.Stock }));
    }
}

public sealed class PlannedProduct
{
    public string Name { get; set; } = "";

    public ProductRole Role { get; set; } = ProductRole.Hero;

    /// <summary>Price in yuan, two decimals.</summary>
    public decimal Price { get; set; }

    public int Stock { get; set; }
}

/// <summary>T: the show's rhythm, as segments whose minutes add up to the planned length.</summary>
public sealed class TimingSection
{
    public List<ShowSegment> Segments { get; set; } = [];

    public int TotalMinutes => Segments.Sum(s => s.Minutes);

    internal void CopyFrom(TimingSection other)
    {
        Segments.Clear();
        Segments.AddRange(other.Segments.Select(s => new ShowSegment { Name = s.Name.Trim(), Minutes = s.Minutes }));
    }
}

public sealed class ShowSegment
{
    public string Name { get; set; } = "";

    public int Minutes { get; set; }
}

/// <summary>A: the paid traffic plan.</summary>
public sealed class AccurateFlowSection
{
    /// <summary>The brand decided to buy no traffic for this stream; that is a complete plan too.</summary>
    public bool NoPaidTraffic { get; set; }

    /// <summary>Paid traffic budget in yuan.</summary>
    public decimal Budget { get; set; }

    public TrafficTools Tools { get; set; }

    internal void CopyFrom(AccurateFlowSection other)
    {
        NoPaidTraffic = other.NoPaidTraffic;
        Budget = other.Budget;
        Tools = other.Tools;
    }
}

/// <summary>G: the benefits handed out during the stream.</summary>
public sealed class GiftsSection
{
    public List<GiftItem> Items { get; set; } = [];

    public decimal TotalBudget => Items.Sum(i => i.Budget);

    internal void CopyFrom(GiftsSection other)
    {
        Items.Clear();
        Items.AddRange(other.Items.Select(i => new GiftItem { Kind = i.Kind, Description = i.Description.Trim(), Budget = i.Budget }));
    }
}

public sealed class GiftItem
{
    public GiftKind Kind { get; set; } = GiftKind.Coupon;

    public string Description { get; set; } = "";

    /// <summary>Budget in yuan.</summary>
    public decimal Budget { get; set; }
}

/// <summary>E: the content that warms the audience up before the stream.</summary>
public sealed class EarlyContentSection
{
    public int WarmUpVideos { get; set; }

    public string Highlights { get; set; } = "";

    internal void CopyFrom(EarlyContentSection other)
    {
        WarmUpVideos = other.WarmUpVideos;
        Highlights = other.Highlights.Trim();
    }
}

/// <summary>What a stream achieved.</summary>
public sealed class StreamResults
{
    /// <summary>Gross merchandise value in yuan.</summary>
    public decimal Gmv { get; set; }

    public int Orders { get; set; }

    public int PeakViewers { get; set; }

    public int NewFans { get; set; }

    public int ActualMinutes { get; set; }

    public StreamResults Copy() => new() { Gmv = Gmv, Orders = Orders, PeakViewers = PeakViewers, NewFans = NewFans, ActualMinutes = ActualMinutes };
}
