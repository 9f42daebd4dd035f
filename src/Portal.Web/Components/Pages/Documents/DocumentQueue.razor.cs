using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Core.Features.Documents;
using Portal.Web.Components.Shared;

namespace Portal.Web.Components.Pages.Documents;

/// <summary>
/// Staff's document review queue: filters, a server-paged table, bulk decisions and the review panel of the chosen
/// document. Every call goes through <see cref="DocumentQueueService"/> and <see cref="DocumentReviewService"/>,
/// which check that the person is staff.
/// </summary>
public sealed partial class DocumentQueue
{
    /// <summary>Rows a page shows; the queue is paged on the server.</summary>
    public const int PageSize = 25;

    private IReadOnlyList<QueueItem>? items;
    private readonly LatestLoad loads = new();
    private int total;
    private int pageIndex;
    private IReadOnlyList<ReasonChoice> reasons = [];
    private IReadOnlyList<ReviewerChoice> reviewers = [];
    private readonly HashSet<Guid> selected = [];
    private IReadOnlyList<string> errors = [];
    private DocumentStatus? status = DocumentStatus.AwaitingReview;
    private DocumentType? type;
    private string? category;
    private string? brand;
    private int? minAge;
    private bool newestFirst;
    private QueueItem? current;
    private IReadOnlyCollection<string> reasonCodes = [];
    private string? note;
    private string? fraudNote;
    private readonly OneAtATime actions = new();
    private int bulkDone;
    private int bulkTotal;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        reasons = await Queue.ReasonsAsync();
        reviewers = await Queue.ReviewersAsync();
        await LoadAsync();
    }

    /// <summary>
    /// Loads the page the filters ask for. Loads can overlap (a filter changed while the first page was still
    /// loading); only the latest one's answer is shown (<see cref="LatestLoad"/>), so a slower earlier load cannot
    /// put back rows the filter excludes.
    /// </summary>
    private async Task LoadAsync()
    {
        var user = (await AuthenticationState).User;
        var filter = new QueueFilter
        {
            Status = status,
            Type = type,
            CategoryCode = string.IsNullOrWhiteSpace(category) ? null : category.Trim().ToLowerInvariant(),
            BrandCode = string.IsNullOrWhiteSpace(brand) ? null : brand.Trim().ToLowerInvariant(),
            MinAgeDays = minAge,
            NewestFirst = newestFirst,
        };
        var asked = pageIndex;
        await loads.RunAsync(async () =>
        {
            var index = asked;
            var page = await Queue.QueuePageAsync(user, filter, index * PageSize, PageSize);
            if (page.Items.Count == 0 && page.TotalCount > 0 && index > 0)
            {
                // Decisions emptied the last page: show the new last page instead.
                index = (page.TotalCount - 1) / PageSize;
                page = await Queue.QueuePageAsync(user, filter, index * PageSize, PageSize);
            }

            return (Index: index, Page: page);
        }, answer =>
        {
            pageIndex = answer.Index;
            items = answer.Page.Items;
            total = answer.Page.TotalCount;
            selected.IntersectWith(items.Select(i => i.Id));
            current = current is null ? null : items.FirstOrDefault(i => i.Id == current.Id);
        });
    }

    private int Pages => (total + PageSize - 1) / PageSize;

    private Task SetAsync(Action change)
    {
        change();
        pageIndex = 0;
        return LoadAsync();
    }

    private Task PageChangedAsync(int page)
    {
        pageIndex = page - 1;
        return LoadAsync();
    }

    private void Toggle(Guid id, bool on)
    {
        if (on)
        {
            selected.Add(id);
        }
        else
        {
            selected.Remove(id);
        }
    }

    private void Open(QueueItem item)
    {
        current = item;
        reasonCodes = [];
        note = null;
        fraudNote = null;
        errors = [];
    }

    private Task DecideAsync(DocumentAction action) => actions.RunAsync(async () =>
    {
        if (current is null)
        {
            return;
        }

        var outcome = await Review.DecideAsync((await AuthenticationState).User, current.Id, action, reasonCodes.ToList(), note);
        errors = outcome.Errors;
        await LoadAsync();
    });

    // Up to a page of documents, each decided in its own transaction with its notices: the bar counts them.
    private Task BulkAsync(DocumentAction action) => actions.RunAsync(async () =>
    {
        var ids = selected.ToList();
        (bulkDone, bulkTotal) = (0, ids.Count);
        try
        {
            var results = await Review.DecideManyAsync((await AuthenticationState).User, ids, action, reasonCodes.ToList(), note, decided: done =>
            {
                bulkDone = done;
                _ = InvokeAsync(StateHasChanged);
            });
            errors = results.Values.SelectMany(r => r.Errors).Distinct().ToList();
            selected.Clear();
        }
        finally
        {
            bulkTotal = 0;
        }

        await LoadAsync();
    });

    private Task ClearFraudAsync() => actions.RunAsync(async () =>
    {
        if (current is null)
        {
            return;
        }

        errors = (await Review.ClearFraudFlagAsync((await AuthenticationState).User, current.Id, fraudNote)).Errors;
        await LoadAsync();
    });


    private async Task AssignAsync(Guid? reviewer)
    {
        if (current is null)
        {
            return;
        }

        errors = (await Review.AssignAsync((await AuthenticationState).User, current.Id, reviewer)).Errors;
        await LoadAsync();
    }
}
