namespace Portal.Core.Features.Journey;

/// <summary>
/// The default STEPS playbook (DOMAIN.md), seeded once into <see cref="PlaybookTask"/> rows.
/// After that the database is the source: administrators may edit or retire tasks.
/// </summary>
public static class JourneyPlaybook
{
    public static IReadOnlyList<PlaybookTask> Defaults() =>
    [
        // E: influencer distribution, first: test how hard the products can sell.
        Task(StepsArea.Distribution, "e-list-hero-products", 10,
            "把主推商品加入分销库", "List hero products in the distribution library",
            "挑选 3–5 款主推商品加入平台分销库（CPS），让达人可以选品带货。",
            "Pick three to five hero products and list them in the platform's distribution library (CPS) so influencers can choose them."),
        Task(StepsArea.Distribution, "e-set-commission", 20,
            "设定佣金比例", "Set the commission rate",
            "为每款分销商品设定每单佣金；有竞争力的佣金能吸引达人试卖。",
            "Set the commission per sale for each listed product; a competitive rate gets influencers to try it."),
        Task(StepsArea.Distribution, "e-first-influencers", 30,
            "招募首批 10 位达人", "Recruit the first 10 influencers",
            "邀请 10 位与品牌调性相符的达人开始带货。",
            "Invite ten influencers who suit the brand to start selling its products."),
        Task(StepsArea.Distribution, "e-burst-coefficient", 40,
            "测出商品爆发系数", "Measure the burst coefficient",
            "根据达人带货数据，找出爆发系数高的商品，作为后续主推。",
            "From the influencers' sales, find the products with a high burst coefficient (爆发系数) to push next."),

        // T: public traffic to ramp the new store up.
        Task(StepsArea.Traffic, "t-first-promotion", 10,
            "完成首次付费推广", "Run the first paid promotion",
            "用平台推广工具为主推商品或直播间投放第一笔预算。",
            "Spend a first budget on the platform's promotion tools for a hero product or a live stream."),
        Task(StepsArea.Traffic, "t-store-feed", 20,
            "获得商城推荐位", "Get a store feed placement",
            "让商品进入商城推荐流，获得公域曝光。",
            "Get products into the store feeds for public-domain exposure."),
        Task(StepsArea.Traffic, "t-platform-campaign", 30,
            "报名参加平台活动", "Join a platform campaign",
            "报名参加一次平台大促或主题活动。",
            "Sign up for one of the platform's sales events or themed campaigns."),
        Task(StepsArea.Traffic, "t-roi-2", 40,
            "投放 ROI 达到 2", "Reach an ad ROI of 2",
            "付费流量带来的成交额达到投放花费的两倍。",
            "Make paid traffic return twice its spend in GMV."),

        // S: brand self-streaming on a brand persona.
        Task(StepsArea.SelfStreaming, "s-brand-persona", 10,
            "确定品牌人设", "Define the brand persona",
            "确定直播间的品牌人设（人设）：主播是谁、怎么说话、代表什么。",
            "Decide the brand persona (人设) of the stream: who hosts, how they speak, what they stand for."),
        Task(StepsArea.SelfStreaming, "s-plan-first-stream", 20,
            "用 STAGE 规划首场直播", "Plan the first stream with STAGE",
            "按 STAGE 清单准备首场直播：盘货品、盘直播、盘商业化、盘福利、盘亮点。",
            "Prepare the first stream with the STAGE checklist: merchandise, timing, paid flow, gifts and early content."),
        Task(StepsArea.SelfStreaming, "s-first-stream", 30,
            "完成首场品牌自播", "Hold the first brand stream",
            "在品牌自己的账号上完成第一场直播并记录结果。",
            "Hold the first live stream on the brand's own account and record its results."),
        Task(StepsArea.SelfStreaming, "s-ten-streams", 40,
            "完成 10 场自播", "Hold 10 streams",
            "累计完成 10 场品牌自播，每场复盘 GMV、峰值在线和新增粉丝。",
            "Hold ten brand streams, reviewing each one's GMV, peak viewers and new fans."),
        Task(StepsArea.SelfStreaming, "s-weekly-schedule", 50,
            "固定每周直播档期", "Keep a weekly streaming schedule",
            "每周固定时段开播，让粉丝养成观看习惯。",
            "Stream at fixed times every week so fans know when to come."),

        // P: private-domain repurchase in short video and live.
        Task(StepsArea.PrivateDomain, "p-fan-group", 10,
            "建立粉丝群", "Open a fan group",
            "建立品牌粉丝群，把买家沉淀为粉丝。",
            "Open the brand's fan group and invite buyers to join it."),
        Task(StepsArea.PrivateDomain, "p-weekly-streams", 20,
            "每周开展复购直播", "Hold weekly repeat streams",
            "每周为老粉丝做一场复购专场直播。",
            "Hold a stream for returning fans every week."),
        Task(StepsArea.PrivateDomain, "p-short-videos", 30,
            "持续发布短视频", "Post short videos regularly",
            "每周发布短视频，保持与粉丝的联系并为直播预热。",
            "Post short videos every week to stay in touch with fans and warm up streams."),
        Task(StepsArea.PrivateDomain, "p-repurchase-30", 40,
            "复购率达到 30%", "Reach a 30% repurchase rate",
            "月度复购率达到 30%。",
            "Reach a monthly repurchase rate of 30%."),

        // S: channel-exclusive products, last.
        Task(StepsArea.Exclusive, "x-design-sku", 10,
            "设计首款渠道特供商品", "Design the first exclusive SKU",
            "基于粉丝反馈设计只在本渠道销售的商品。",
            "Design a product sold only in this channel, based on what fans ask for."),
        Task(StepsArea.Exclusive, "x-approve-sku", 20,
            "特供商品通过审核", "Get the exclusive SKU approved",
            "提交特供商品并通过平台审核。",
            "Submit the exclusive product and get it approved by the platform."),
        Task(StepsArea.Exclusive, "x-sell-sku", 30,
            "特供商品开售", "Start selling the exclusive SKU",
            "特供商品上架并产生首笔订单。",
            "List the exclusive product and make its first sale."),
    ];

    private static PlaybookTask Task(StepsArea area, string code, int sortOrder, string titleZh, string titleEn, string descriptionZh, string descriptionEn) =>
        new()
        {
            Area = area,
            Code = code,
            SortOrder = sortOrder,
            TitleZh = titleZh,
            TitleEn = titleEn,
            DescriptionZh = descriptionZh,
            DescriptionEn = descriptionEn,
        };
}
