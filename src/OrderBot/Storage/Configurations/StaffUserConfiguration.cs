using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderBot.Staff;

namespace OrderBot.Storage.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> user)
    {
        user.ToTable("staff_users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasMaxLength(36);
        user.Property(u => u.UserName).HasMaxLength(64);
        user.Property(u => u.NormalizedUserName).HasMaxLength(64);
        user.HasIndex(u => u.NormalizedUserName).IsUnique();
        user.Property(u => u.PasswordHash).HasMaxLength(200);
    }
}
