using System.Text;
using Portal.Core.Features.Documents;
using Portal.E2E.Fixtures;

namespace Portal.IntegrationTests.Core.Features.Documents;

/// <summary>PDFs are parsed (PdfPig): a readable page, no encryption, nothing that runs by itself, nothing after the end.</summary>
public sealed class PdfInspectionTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static TheoryData<string, byte[]> Readable() => new()
    {
        { "the unit tests' PDF", TestFiles.Pdf() },
        { "the browser suite's PDF", TestPdf.WithText("Trademark certificate (scan)") },
        { "a PDF built object by object", TestFiles.PdfWith() },
        { "a PDF with a link to a web page", TestFiles.PdfWith(extraObjects: "<< /Type /Action /S /URI /URI (https://example.com) >>") },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Inspect_ReadablePdfWithAPage_IsAccepted(string scenario, byte[] pdf)
    {
        var verdict = FileInspector.Inspect(pdf);

        verdict.Refusal.ShouldBeNull(scenario);
        verdict.Kind.ShouldBe(FileKind.Pdf, scenario);
    }

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "PDF header, an HTML page and a trailer", Ascii("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\nstartxref\n0\n%%EOF\n"), PdfInspector.Active },
        { "PDF header, text and a trailer, no objects", Ascii("%PDF-1.4\nnothing to see here, just words and more words\nstartxref\n0\n%%EOF\n"), PdfInspector.Unreadable },
        { "a catalog without pages", Ascii("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"), PdfInspector.Unreadable },
        { "an OpenAction running JavaScript", TestFiles.PdfWith("/OpenAction 5 0 R", "", "<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"), PdfInspector.Active },
        { "a JavaScript name tree", TestFiles.PdfWith("/Names << /JavaScript 5 0 R >>", "", "<< /Names [(a) 6 0 R] >>", "<< /S /JavaScript /JS (app.alert(1)) >>"), PdfInspector.Active },
        { "JavaScript spelled with name escapes", TestFiles.PdfWith("/OpenAction 5 0 R", "", "<< /S /J#61vaScript /J#53 (app.alert(1)) >>"), PdfInspector.Active },
        { "a page action launching a program", TestFiles.PdfWith("/AA << /O << /S /Launch /F (cmd.exe) >> >>"), PdfInspector.Active },
        { "an encrypted PDF", TestFiles.PdfWith("", "/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <0000000000000000000000000000000000000000000000000000000000000000> /U <0000000000000000000000000000000000000000000000000000000000000000> >>"), PdfInspector.Encrypted },
        { "a script after %%EOF", [.. TestFiles.Pdf(), .. Ascii("<script>alert(1)</script>")], FileInspector.Damaged },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Inspect_HostileOrUnreadablePdf_IsRefused(string scenario, byte[] pdf, string refusal) =>
        FileInspector.Inspect(pdf).Refusal.ShouldBe(refusal, scenario);

    [Fact]
    public async Task Upload_PdfWithJavaScript_IsRefusedInWords()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var request = DocumentsAppFixture.Trademark();
        request.FileName = "trademark.pdf";
        var pdf = TestFiles.PdfWith("/OpenAction 5 0 R", "", "<< /S /JavaScript /JS (app.alert(1)) >>");

        var outcome = await fixture.Files.UploadAsync(owner, code, request, new MemoryStream(pdf));

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldHaveSingleItem().ShouldContain("scripts, automatic actions");
    }

    [Fact]
    public async Task Upload_OverTheLimit_NamesTheLimitInMegabytesInChinese()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            var outcome = await fixture.Files.UploadAsync(owner, code, DocumentsAppFixture.Trademark(), new MemoryStream(new byte[5000]));

            outcome.Errors.ShouldHaveSingleItem().ShouldBe("文件超过 0.004 MB 的大小上限；未保存任何内容。");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
