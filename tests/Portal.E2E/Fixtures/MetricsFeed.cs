using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.E2E.Fixtures;

/// <summary>One day of a brand's store figures, as the platform's feed sends them (only the figures the journeys need; null means unknown).</summary>
public sealed record FedDay(string Brand, DateOnly Date, decimal? Gmv = null, long? Orders = null, long? PaidOrders = null);

/// <summary>
/// The platform's metrics feed, from outside as the real one calls it: a client-credentials token for the
/// demo API client, then <c>PUT /api/v1/metrics/daily</c> (README, "Demo data").
/// </summary>
public static class MetricsFeed
{
    /// <summary>Pushes one batch (all or nothing) and fails with the portal's answer unless it was accepted.</summary>
    public static async Task PutDailyAsync(this PortalServer server, IEnumerable<FedDay> days)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/metrics/daily")
        {
            Content = JsonContent.Create(new
            {
                rows = days.Select(d => new
                {
                    brand = d.Brand,
                    date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    gmv = d.Gmv,
                    orders = d.Orders,
                    paidOrders = d.PaidOrders,
                }),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(server));
        using var response = await server.Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"PUT /api/v1/metrics/daily answered {(int)response.StatusCode}.\n{await response.Content.ReadAsStringAsync()}\n{server.LogTail()}");
        }
    }

    private static async Task<string> TokenAsync(PortalServer server)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoAccounts.FeedClientId,
            ["client_secret"] = DemoAccounts.FeedClientSecret,
            ["scope"] = "metrics.write",
        });
        using var response = await server.Http.PostAsync("connect/token", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /connect/token answered {(int)response.StatusCode}.\n{body}\n{server.LogTail()}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Feeds the brand 30 days of figures up to yesterday (platform day), so its dashboard has charts to show.</summary>
    public static async Task FeedRecentDaysAsync(this PortalServer server, string brand)
    {
        var yesterday = (await server.PlatformTodayAsync()).AddDays(-1);
        await server.PutDailyAsync(Enumerable.Range(0, 30).Select(i =>
            new FedDay(brand, yesterday.AddDays(-i), Gmv: 12_000m + (i * 730m), Orders: 80 + i, PaidOrders: 70 + i)));
    }
}
