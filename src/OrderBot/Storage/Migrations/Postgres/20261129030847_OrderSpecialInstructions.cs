using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderSpecialInstructions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "special_instructions",
                table: "orders",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "special_instructions",
                table: "orders");
        }
    }
}
