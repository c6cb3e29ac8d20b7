using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Board.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "body",
                table: "outbox_messages",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AddColumn<string>(
                name: "batch",
                table: "outbox_messages",
                type: "text",
                nullable: true)
                .Annotation("Npgsql:Compression:", "lz4");

            migrationBuilder.AddColumn<int>(
                name: "events",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddCheckConstraint(
                name: "ck_outbox_one_form",
                table: "outbox_messages",
                sql: "(body IS NULL) <> (batch IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_outbox_one_form",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "batch",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "events",
                table: "outbox_messages");

            migrationBuilder.AlterColumn<string>(
                name: "body",
                table: "outbox_messages",
                type: "jsonb",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }
    }
}
