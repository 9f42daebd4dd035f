using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;

namespace Portal.Core.Data.Configurations;

internal sealed class RequirementRuleConfiguration : IEntityTypeConfiguration<RequirementRule>
{
    public void Configure(EntityTypeBuilder<RequirementRule> builder)
    {
        builder.ToTable("RequirementRules");
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.CategoryCode).HasMaxLength(64);
        builder.Property(r => r.CertificateNumberPattern).HasMaxLength(200);
    }
}

internal sealed class RecognisedAgencyConfiguration : IEntityTypeConfiguration<RecognisedAgency>
{
    public void Configure(EntityTypeBuilder<RecognisedAgency> builder)
    {
        builder.ToTable("RecognisedAgencies");
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasIndex(a => a.Name).IsUnique();
    }
}

internal sealed class ReviewReasonConfiguration : IEntityTypeConfiguration<ReviewReason>
{
    public void Configure(EntityTypeBuilder<ReviewReason> builder)
    {
        builder.ToTable("ReviewReasons");
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.TextZh).HasMaxLength(200);
        builder.Property(r => r.TextEn).HasMaxLength(200);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.FileHash).HasMaxLength(64);
        builder.Property(d => d.ContentType).HasMaxLength(64);
        builder.Property(d => d.DisplayName).HasMaxLength(200);
        builder.Property(d => d.CertificateNumber).HasMaxLength(100);
        builder.Property(d => d.CertificateKey).HasMaxLength(100);
        builder.Property(d => d.Issuer).HasMaxLength(200);
        builder.Property(d => d.DecisionNote).HasMaxLength(2000);
        builder.Property(d => d.FraudClearNote).HasMaxLength(2000);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.OwnsMany(d => d.CheckFailures, owned => owned.ToJson());
        builder.OwnsMany(d => d.FraudFindings, owned => owned.ToJson());
        builder.Ignore(d => d.FraudUnresolved);
        builder.HasOne<Brand>().WithMany().HasForeignKey(d => d.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RequirementRule>().WithMany().HasForeignKey(d => d.RuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.BrandId, d.RuleId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.AwaitingSince });
        builder.HasIndex(d => d.FileHash);
        builder.HasIndex(d => d.CertificateKey);
    }
}

internal sealed class DocumentDecisionConfiguration : IEntityTypeConfiguration<DocumentDecision>
{
    public void Configure(EntityTypeBuilder<DocumentDecision> builder)
    {
        builder.ToTable("DocumentDecisions");
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.HasOne<Document>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.DocumentId, d.CreatedAt });
    }
}

internal sealed class DocumentNoticeConfiguration : IEntityTypeConfiguration<DocumentNotice>
{
    public void Configure(EntityTypeBuilder<DocumentNotice> builder)
    {
        builder.ToTable("DocumentNotices");
        builder.HasOne<Brand>().WithMany().HasForeignKey(n => n.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Document>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.BrandId, n.CreatedAt });
    }
}
