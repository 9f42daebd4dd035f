using System.Text.RegularExpressions;

namespace Portal.Jobs.Email.Templates;

/// <summary>A piece of a line: text, or a link (<see cref="Href"/>) that shows its address.</summary>
public sealed record EmailSegment(string Text, string? Href = null);

/// <summary>A paragraph of lines, or (when <see cref="Button"/> is set) the link a line ended with, drawn as a button.</summary>
public sealed record EmailBlock(IReadOnlyList<IReadOnlyList<EmailSegment>> Lines, string? Button = null);

/// <summary>
/// Reads the plain-text part of an e-mail into paragraphs for its HTML part: blank lines part
/// paragraphs, an address that ends a line becomes a button, one inside a sentence a link.
/// The HTML says exactly what the text says; only the look differs.
/// </summary>
public static partial class EmailText
{
    public static IEnumerable<EmailBlock> Blocks(string text)
    {
        foreach (var paragraph in ParagraphBreak().Split(text.Replace("\r\n", "\n").Trim()))
        {
            var lines = new List<IReadOnlyList<EmailSegment>>();
            foreach (var raw in paragraph.Split('\n'))
            {
                var line = raw.Trim();
                var last = Url().Matches(line).LastOrDefault();
                if (last is not null && line[(last.Index + last.Length)..].Trim().Length == 0)
                {
                    var before = line[..last.Index].Trim();
                    if (before.Length > 0)
                    {
                        lines.Add(Segments(before));
                    }

                    yield return new EmailBlock(lines);
                    yield return new EmailBlock([], last.Value);
                    lines = [];
                    continue;
                }

                lines.Add(Segments(line));
            }

            if (lines.Count > 0)
            {
                yield return new EmailBlock(lines);
            }
        }
    }

    private static List<EmailSegment> Segments(string line)
    {
        var segments = new List<EmailSegment>();
        var at = 0;
        foreach (Match url in Url().Matches(line))
        {
            if (url.Index > at)
            {
                segments.Add(new EmailSegment(line[at..url.Index]));
            }

            segments.Add(new EmailSegment(url.Value, url.Value));
            at = url.Index + url.Length;
        }

        if (at < line.Length)
        {
            segments.Add(new EmailSegment(line[at..]));
        }

        return segments;
    }

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex ParagraphBreak();

    /// <summary>An http(s) address up to white space or a full-width or closing punctuation mark.</summary>
    [GeneratedRegex(@"https?://[^\s，。；：、（）<>""']+[^\s，。；：、（）<>""'.,;:!?)]")]
    private static partial Regex Url();
}
