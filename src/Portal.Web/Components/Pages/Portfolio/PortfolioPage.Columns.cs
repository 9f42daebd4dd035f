using Portal.Core.Features.Portfolio;

namespace Portal.Web.Components.Pages.Portfolio;

/// <summary>The portfolio's columns: which a person shows, their titles, the sort each header picks, their classes.</summary>
public sealed partial class PortfolioPage
{
    /// <summary>The columns a person may hide (the brand column always stays, pinned on the left).</summary>
    private static readonly GridColumn[] Choosable = Enum.GetValues<GridColumn>();

    private readonly HashSet<GridColumn> hidden = [];

    /// <summary>The grid's columns a person may show or hide.</summary>
    internal enum GridColumn
    {
        Categories,
        Tier,
        Status,
        Compliance,
        Progress,
        Gmv,
        Trend,
        Manager,
        Stalled,
        LastActivity,
    }

    private IEnumerable<GridColumn> Visible => Choosable.Where(c => !hidden.Contains(c));

    private void Toggle(GridColumn column)
    {
        if (!hidden.Remove(column))
        {
            hidden.Add(column);
        }
    }

    /// <summary>Compact column titles, so headers stay on one line; the exports keep the long ones.</summary>
    private string ColumnTitle(GridColumn column) => column switch
    {
        GridColumn.Categories => P["Portfolio_ColCategories"],
        GridColumn.Tier => P["Portfolio_ColTier"],
        GridColumn.Status => P["Portfolio_ColStatus"],
        GridColumn.Compliance => P["Portfolio_ColCompliance"],
        GridColumn.Progress => F["Figures_ProgressColumn"],
        GridColumn.Gmv => F["Figures_ColGmv30"],
        GridColumn.Trend => F["Figures_ColTrend"],
        GridColumn.Manager => F["Figures_ColManager"],
        GridColumn.Stalled => P["Portfolio_ColStalled"],
        _ => F["Figures_ColLastActivity"],
    };

    /// <summary>The sort a column's header button picks; null for the columns that do not sort.</summary>
    private static PortfolioSort? SortOf(GridColumn column) => column switch
    {
        GridColumn.Tier => PortfolioSort.Tier,
        GridColumn.Status => PortfolioSort.Status,
        GridColumn.Compliance => PortfolioSort.Compliance,
        GridColumn.Gmv => PortfolioSort.Gmv,
        GridColumn.Trend => PortfolioSort.Trend,
        GridColumn.LastActivity => PortfolioSort.LastActivity,
        _ => null,
    };

    private static bool IsFigure(GridColumn column) => column is GridColumn.Gmv or GridColumn.Trend or GridColumn.LastActivity;

    private static string HeaderClass(GridColumn? column) =>
        column is null ? "mud-table-cell sticky-left" : IsFigure(column.Value) ? "mud-table-cell figure" : "mud-table-cell";

    private string? AriaSort(PortfolioSort? sort) =>
        sort is null || spec.Sort != sort ? null : spec.Descending ? "descending" : "ascending";

    private string DirectionClass(PortfolioSort sort) =>
        spec.Sort != sort ? "" : spec.Descending ? " mud-direction-desc" : " mud-direction-asc";
}
