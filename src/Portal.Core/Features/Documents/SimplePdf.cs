using System.Globalization;
using System.Text;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Writes a one-page PDF with a few lines of ASCII text and a correct cross-reference table, so
/// demo documents open in any PDF viewer (and pass <see cref="FileInspector"/>).
/// </summary>
internal static class SimplePdf
{
    public static byte[] WithText(params string[] lines)
    {
        var text = new StringBuilder("BT /F1 14 Tf 50 780 Td 18 TL");
        foreach (var line in lines)
        {
            text.Append(" (").Append(Escape(line)).Append(") Tj T*");
        }

        text.Append(" ET");
        var stream = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
        ];

        return FromObjects(objects);
    }

    /// <summary>
    /// A PDF of <paramref name="objects"/> (numbered 1, 2, … in order, the first the catalog) with a
    /// correct cross-reference table; <paramref name="trailerExtra"/> goes into the trailer.
    /// </summary>
    public static byte[] FromObjects(IReadOnlyList<string> objects, string trailerExtra = "")
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string line) =>
        new(line.Where(c => c is >= ' ' and <= '~').ToArray().SelectMany(c => c is '(' or ')' or '\\' ? new[] { '\\', c } : [c]).ToArray());
}
