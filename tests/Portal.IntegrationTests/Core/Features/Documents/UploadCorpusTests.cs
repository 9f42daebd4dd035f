using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Documents;

namespace Portal.IntegrationTests.Core.Features.Documents;

/// <summary>Bad files, each refused with a clear message, leaving no file and no row behind.</summary>
public sealed class UploadCorpusTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "executable named .pdf", "contract.pdf", "exe" },
        { "HTML renamed .png", "photo.png", "html" },
        { "empty file", "empty.pdf", "empty" },
        { "one byte over the limit", "big.pdf", "over" },
        { "truncated PNG", "cut.png", "truncated-png" },
        { "truncated JPEG", "cut.jpg", "truncated-jpeg" },
        { "truncated PDF", "cut.pdf", "truncated-pdf" },
        { "PNG header with a script after it", "x.png", "polyglot-header" },
        { "whole PNG with a script appended", "x.png", "polyglot-tail" },
        { "JPEG header with HTML after it", "x.jpg", "polyglot-jpeg" },
        { "path-like name on an executable", "../../../etc/passwd.pdf", "exe" },
        { "very long name on HTML", new string('a', 5000) + ".png", "html" },
        { "right-to-left override name on an executable", "invoice\u202Egnp.exe", "exe" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "exe" => [0x4D, 0x5A, 0x90, 0x00, .. new byte[200]],
        "html" => Ascii("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"),
        "empty" => [],
        "over" => [.. TestFiles.Pdf(), .. new byte[4097 - TestFiles.Pdf().Length]],
        "truncated-png" => TestFiles.Png()[..^12],
        "truncated-jpeg" => TestFiles.Jpeg()[..^2],
        "truncated-pdf" => TestFiles.Pdf()[..20],
        "polyglot-header" => [.. TestFiles.Png()[..8], .. Ascii("<script>alert(1)</script>")],
        "polyglot-tail" => [.. TestFiles.Png(), .. Ascii("<script>alert(1)</script>")],
        "polyglot-jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, .. Ascii("<html><script>alert(1)</script></html>")],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string ExpectedMessage(string kind) => kind switch
    {
        "exe" or "html" => "Only PDF, JPEG, PNG or WebP files are accepted",
        "empty" => "The file is empty.",
        "over" => "The file is larger than the limit of 0.004 MB",
        _ => "damaged or incomplete",
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_BadFile_IsRefusedWithAReasonAndLeavesNothing(string scenario, string fileName, string kind)
    {
        var (code, owner, brandId) = await fixture.NewBrandAsync();
        var request = DocumentsAppFixture.Trademark();
        request.FileName = fileName;
        var filesBefore = StoredFiles();

        var outcome = await fixture.Files.UploadAsync(owner, code, request, new MemoryStream(Content(kind)));

        outcome.Succeeded.ShouldBeFalse(scenario);
        outcome.Errors.ShouldHaveSingleItem().ShouldContain(ExpectedMessage(kind), Case.Sensitive, scenario);
        StoredFiles().ShouldBe(filesBefore, scenario);
        (await fixture.App.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == brandId))).ShouldBe(0);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    [InlineData("pdf")]
    public void Inspect_WholeFile_IsAcceptedByItsContent(string kind)
    {
        var (bytes, expected) = kind switch
        {
            "png" => (TestFiles.Png(), "image/png"),
            "jpeg" => (TestFiles.Jpeg(), "image/jpeg"),
            "webp" => (TestFiles.WebP(), "image/webp"),
            _ => (TestFiles.Pdf(), "application/pdf"),
        };

        var verdict = FileInspector.Inspect(bytes);

        verdict.Refusal.ShouldBeNull();
        verdict.ContentType.ShouldBe(expected);
    }

    [Fact]
    public void Inspect_PngWithWrongChecksum_IsRefusedAsDamaged()
    {
        var png = TestFiles.Png();
        png[^20] ^= 0x01; // a byte of the IDAT data: its CRC no longer matches

        FileInspector.Inspect(png).Refusal.ShouldBe(FileInspector.Damaged);
    }

    [Fact]
    public void Inspect_WebPWithWrongRiffSize_IsRefusedAsDamaged()
    {
        var webp = TestFiles.WebP();
        webp[4] += 2;

        FileInspector.Inspect(webp).Refusal.ShouldBe(FileInspector.Damaged);
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("C:\\Users\\me\\cert.pdf", "cert.pdf")]
    [InlineData("invoice\u202Egnp.exe", "invoicegnp.exe")]
    [InlineData("a\u0000b\u200Bc\r\n.pdf", "abc.pdf")]
    [InlineData("   ", "document")]
    public void DisplayName_IsCleanedOfPathsControlAndDirectionCharacters(string name, string expected) =>
        DisplayNames.Clean(name).ShouldBe(expected);

    [Fact]
    public void DisplayName_VeryLong_IsCappedAndKeepsItsExtension()
    {
        var clean = DisplayNames.Clean(new string('x', 5000) + ".pdf");

        clean.Length.ShouldBeLessThanOrEqualTo(DisplayNames.MaxLength);
        clean.ShouldEndWith("….pdf");
    }

    [Fact]
    public async Task Upload_ValidFileWithHostileName_IsStoredUnderItsHashWithACleanDisplayName()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var request = DocumentsAppFixture.Trademark();
        request.FileName = "../../wwwroot/\u202Eevil.png";
        var bytes = TestFiles.UniquePng("hostile-name");

        var outcome = await fixture.Files.UploadAsync(owner, code, request, new MemoryStream(bytes));

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var document = await fixture.DocumentAsync(outcome.Value);
        document.DisplayName.ShouldBe("evil.png");
        document.ContentType.ShouldBe("image/png");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        document.FileHash.ShouldBe(hash);
        File.Exists(Path.Combine(fixture.Storage, hash[..2], hash)).ShouldBeTrue();
    }

    private string[] StoredFiles() =>
        Directory.Exists(fixture.Storage) ? Directory.GetFiles(fixture.Storage, "*", SearchOption.AllDirectories).Order().ToArray() : [];
}
