using System.Text.Json;
using Deque.AxeCore.Commons;

namespace Portal.E2E.Pages;

/// <summary>One axe-core violation on one element: the rule, its impact, where, and axe's own words for why.</summary>
public sealed record AxeFinding(string Rule, string Impact, string Target, string? Why);

/// <summary>
/// Runs axe-core (the copy bundled with Deque.AxeCore) in the page for the WCAG 2.1 A and AA rules and
/// returns only the violations. Deque's <c>RunAxe</c> wrapper costs 1.5–2 s per call over the 0.1–0.9 s
/// axe itself takes (it serialises the whole result), which made the sweeps the slowest journeys of all.
/// </summary>
public static class Axe
{
    private static readonly string Script = new BundledAxeScriptProvider().GetScript();

    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.flatMap(rule => rule.nodes.map(node => ({
            rule: rule.id,
            impact: rule.impact ?? '',
            target: node.target.join(' '),
            why: [...node.any, ...node.all, ...node.none].map(check => check.message)[0] ?? null,
          })));
        }
        """;

    /// <summary>The page's violations, after loading axe into it if this document does not have it yet.</summary>
    public static async Task<IReadOnlyList<AxeFinding>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated through the DevTools protocol: the portal's CSP (rightly) refuses an inline script tag.
            await page.EvaluateAsync(Script);
        }

        var findings = await page.EvaluateAsync<JsonElement>(Run);
        return findings.Deserialize<AxeFinding[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }
}
