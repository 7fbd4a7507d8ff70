using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdempotentOrderRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotent_order_requests",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_order_requests", x => x.key);
                    table.ForeignKey(
                        name: "fk_idempotent_order_requests_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_order_requests_created_at",
                table: "idempotent_order_requests",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_order_requests_order_id",
                table: "idempotent_order_requests",
                column: "order_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotent_order_requests");
        }
    }
}
