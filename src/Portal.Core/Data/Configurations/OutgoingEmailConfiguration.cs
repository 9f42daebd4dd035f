using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Email;

namespace Portal.Core.Data.Configurations;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("OutgoingEmails");
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(400);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.Property(e => e.Culture).HasMaxLength(16);
        // Reconciliation asks for pending rows at every start.
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
    }
}
