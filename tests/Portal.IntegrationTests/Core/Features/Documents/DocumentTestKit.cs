using System.Buffers.Binary;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Documents;

/// <summary>Small files built byte by byte: whole ones of each accepted type, and the means to spoil them.</summary>
public static class TestFiles
{
    /// <summary>A real 1×1 PNG (RGBA), as common tools write it.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A real one-page PDF, as the demo seed writes it.</summary>
    public static byte[] Pdf() => SimplePdf.WithText("Test certificate");

    /// <summary>
    /// A one-page PDF built object by object with a correct cross-reference table: <paramref name="catalogExtra"/>
    /// goes into the catalog, <paramref name="trailerExtra"/> into the trailer, <paramref name="extraObjects"/>
    /// become objects 5, 6, …
    /// </summary>
    public static byte[] PdfWith(string catalogExtra = "", string trailerExtra = "", params string[] extraObjects)
    {
        string[] objects =
        [
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
            .. extraObjects,
        ];
        return SimplePdf.FromObjects(objects, trailerExtra.Length == 0 ? "" : trailerExtra + " ");
    }

    public static byte[] Jpeg()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        bytes.AddRange([0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8.ToArray(), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        bytes.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64)]);
        bytes.AddRange([0xFF, 0xC0, 0x00, 0x0B, 8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0]);
        bytes.AddRange([0x12, 0x34, 0xFF, 0x00, 0x56]);
        bytes.AddRange([0xFF, 0xD9]);
        return [.. bytes];
    }

    public static byte[] WebP()
    {
        byte[] body = [0x2F, 0, 0, 0, 0, 0];
        var data = new byte[12 + 8 + body.Length];
        "RIFF"u8.CopyTo(data);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), (uint)(data.Length - 8));
        "WEBP"u8.CopyTo(data.AsSpan(8));
        "VP8L"u8.CopyTo(data.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(16), (uint)body.Length);
        body.CopyTo(data, 20);
        return data;
    }

    /// <summary>A PNG whose content differs (a private ancillary chunk), for a distinct hash.</summary>
    public static byte[] UniquePng(string tag)
    {
        var png = Png();
        var text = Encoding.ASCII.GetBytes(tag);
        var chunk = new byte[12 + text.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)text.Length);
        "tEXt"u8.CopyTo(chunk.AsSpan(4));
        text.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + text.Length), Crc32(chunk.AsSpan(4, 4 + text.Length)));
        // After IHDR (8 + 25 bytes).
        return [.. png[..33], .. chunk, .. png[33..]];
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}

/// <summary>One app (no Hangfire server: tests run the jobs' services themselves) with its own document folder.</summary>
public sealed class DocumentsAppFixture : IAsyncLifetime
{
    private static int _counter;

    public DocumentsAppFixture()
    {
        Storage = Path.Combine(Path.GetTempPath(), "portal-tests", "docs-" + Guid.NewGuid().ToString("N"));
        App = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["Documents:StoragePath"] = Storage,
            ["Documents:MaxFileBytes"] = "4096",
        }) { TestServices = Reads.Install };
    }

    public PortalAppFactory App { get; }

    /// <summary>Holds back the app's reads carrying a value, for tests of uploads that meet (<see cref="ReadGate"/>).</summary>
    public ReadGate Reads { get; } = new();

    public string Storage { get; }

    public DocumentChecklistService Checklist => App.Services.GetRequiredService<DocumentChecklistService>();

    public DocumentFileService Files => App.Services.GetRequiredService<DocumentFileService>();

    public DocumentQueueService Queue => App.Services.GetRequiredService<DocumentQueueService>();

    public DocumentReviewService Review => App.Services.GetRequiredService<DocumentReviewService>();

    /// <summary>Registers the host's document services in a bUnit context, for components that inject them.</summary>
    public void AddDocumentServices(IServiceCollection services)
    {
        services.AddSingleton(Checklist);
        services.AddSingleton(Files);
        services.AddSingleton(Queue);
        services.AddSingleton(Review);
    }

    public DocumentCheckService Checks => App.Services.GetRequiredService<DocumentCheckService>();

    public DocumentExpiryService Expiry => App.Services.GetRequiredService<DocumentExpiryService>();

    /// <summary>A new brand in <paramref name="categories"/> owned by a new brand manager; returns its code and the owner's principal.</summary>
    public async Task<(string Code, ClaimsPrincipal Owner, Guid BrandId)> NewBrandAsync(string company = "Acme Ltd", string? trademarkOwner = null, params string[] categories)
    {
        var code = $"cert-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";
        var email = $"{code}@example.com";
        var id = await TestBrands.CreateWithOwnerAsync(App, code, email);
        await App.WithDbAsync(async db =>
        {
            var brand = await db.Brands.Include(b => b.Categories).SingleAsync(b => b.Id == id);
            brand.CompanyName = company;
            brand.TrademarkOwner = trademarkOwner ?? company;
            foreach (var category in await db.Categories.Where(c => categories.Contains(c.Code)).ToListAsync())
            {
                brand.Categories.Add(new BrandCategory { BrandId = id, CategoryId = category.Id });
            }

            return await db.SaveChangesAsync();
        });
        return (code, await App.PrincipalAsync(email), id);
    }

    public Task<ClaimsPrincipal> StaffAsync() => App.PrincipalAsync(DemoData.OperatorEmail);

    public static UploadRequest Trademark(string number = "TM-30-2020-000042", int validYears = 5) => new()
    {
        RuleCode = "brand-trademark",
        FileName = "trademark.png",
        CertificateNumber = number,
        Issuer = "China National Intellectual Property Administration",
        IssuedOn = new DateOnly(2024, 1, 10),
        ExpiresOn = new DateOnly(2024 + validYears + 5, 1, 9),
    };

    /// <summary>Uploads and runs the check job once; returns the document's id.</summary>
    public async Task<Guid> UploadCheckedAsync(string code, ClaimsPrincipal owner, UploadRequest request, byte[]? file = null)
    {
        var outcome = await Files.UploadAsync(owner, code, request, new MemoryStream(file ?? TestFiles.UniquePng(Guid.NewGuid().ToString("N"))));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        await Checks.CheckAsync(outcome.Value);
        return outcome.Value;
    }

    /// <summary>The first page of the queue (big enough for one test brand's documents).</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueItemsAsync(ClaimsPrincipal user, QueueFilter filter) =>
        (await Queue.QueuePageAsync(user, filter, 0, DocumentQueueService.MaxPageSize)).Items;

    public Task<Document> DocumentAsync(Guid id) => App.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id));

    public Task InitializeAsync()
    {
        _ = App.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Storage, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or a file still open by the finishing host.
        }
    }
}

/// <summary>Platform-day helpers for tests that move the clock.</summary>
internal static class Days
{
    public static DateTimeOffset NoonOf(DateOnly day) => PlatformTime.At(day, new TimeOnly(12, 0));
}
