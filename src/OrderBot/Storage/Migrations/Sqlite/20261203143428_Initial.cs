using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chat_conversations",
                columns: table => new
                {
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cart = table.Column<string>(type: "TEXT", nullable: false),
                    cart_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    special_instructions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    cart_updated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_cart_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    last_order_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    handed_over_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    handover_reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    dialogue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_conversations", x => x.customer_id);
                });

            migrationBuilder.CreateTable(
                name: "chat_inbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "chat_leases",
                columns: table => new
                {
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_leases", x => x.customer_id);
                });

            migrationBuilder.CreateTable(
                name: "chat_outbound",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    provider_message_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_outbound", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    first_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    whats_app_user_id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    whats_app_parent_user_id = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    username = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    channel_account = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    destination = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    order_version = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_links",
                columns: table => new
                {
                    order_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_links", x => new { x.order_id, x.attempt });
                });

            migrationBuilder.CreateTable(
                name: "sold_out",
                columns: table => new
                {
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    menu_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    marked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    marked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sold_out", x => new { x.kind, x.menu_id });
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    failed_sign_ins = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    total_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    subtotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    tax = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    tip = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    special_instructions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    cancel_requested_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    items = table.Column<string>(type: "TEXT", nullable: false),
                    fulfilment_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    fulfilment_estimated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    fulfilment_fee = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    fulfilment_latitude = table.Column<double>(type: "REAL", nullable: true),
                    fulfilment_longitude = table.Column<double>(type: "REAL", nullable: true),
                    fulfilment_mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    fulfilment_requested_for = table.Column<DateTime>(type: "TEXT", nullable: true),
                    fulfilment_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    payment_method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    payment_state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "idempotent_order_requests",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "order_status_changes",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_status_changes_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chat_conversations_handed_over_at",
                table: "chat_conversations",
                column: "handed_over_at");

            migrationBuilder.CreateIndex(
                name: "ix_chat_inbox_channel_message_id",
                table: "chat_inbox",
                columns: new[] { "channel", "message_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_inbox_processed_at_customer_id_sent_at",
                table: "chat_inbox",
                columns: new[] { "processed_at", "customer_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_chat_outbound_cause",
                table: "chat_outbound",
                column: "cause",
                unique: true,
                filter: "cause LIKE 'event:%'");

            migrationBuilder.CreateIndex(
                name: "ix_chat_outbound_provider_message_id",
                table: "chat_outbound",
                column: "provider_message_id");

            migrationBuilder.CreateIndex(
                name: "ix_chat_outbound_state_customer_id_id",
                table: "chat_outbound",
                columns: new[] { "state", "customer_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_phone",
                table: "customers",
                column: "phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_whats_app_user_id",
                table: "customers",
                column: "whats_app_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_order_requests_created_at",
                table: "idempotent_order_requests",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_order_requests_order_id",
                table: "idempotent_order_requests",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_status_changes_order_id",
                table: "order_status_changes",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_created_at",
                table: "orders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_orders_customer_id_id",
                table: "orders",
                columns: new[] { "customer_id", "id" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_orders_number",
                table: "orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_destination_order_id_order_version",
                table: "outbox_events",
                columns: new[] { "destination", "order_id", "order_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_events_state_destination_next_attempt_at",
                table: "outbox_events",
                columns: new[] { "state", "destination", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_links_session_id",
                table: "payment_links",
                column: "session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_users_normalized_user_name",
                table: "staff_users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_conversations");

            migrationBuilder.DropTable(
                name: "chat_inbox");

            migrationBuilder.DropTable(
                name: "chat_leases");

            migrationBuilder.DropTable(
                name: "chat_outbound");

            migrationBuilder.DropTable(
                name: "idempotent_order_requests");

            migrationBuilder.DropTable(
                name: "order_status_changes");

            migrationBuilder.DropTable(
                name: "outbox_events");

            migrationBuilder.DropTable(
                name: "payment_events");

            migrationBuilder.DropTable(
                name: "payment_links");

            migrationBuilder.DropTable(
                name: "sold_out");

            migrationBuilder.DropTable(
                name: "staff_users");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
