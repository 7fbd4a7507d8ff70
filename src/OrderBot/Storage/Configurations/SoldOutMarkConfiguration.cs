using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Stock;

namespace OrderBot.Storage.Configurations;

internal sealed class SoldOutMarkConfiguration : IEntityTypeConfiguration<SoldOutMark>
{
    public void Configure(EntityTypeBuilder<SoldOutMark> mark)
    {
        mark.ToTable("sold_out");
        mark.HasKey(m => new { m.Kind, m.MenuId });
        mark.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        mark.Property(m => m.MenuId).HasMaxLength(200);
        mark.Property(m => m.MarkedBy).HasMaxLength(200);
    }
}
