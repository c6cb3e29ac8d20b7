using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Sharing.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_sharing_audit_log",
                table: "sharing_audit_log");

            // Entries written before chains existed form chain 0, unchanged, so they verify as they did; the chain number
            // is not part of an entry's hash, and moving an entry to another chain breaks both chains' sequences.
            migrationBuilder.AddColumn<int>(
                name: "Chain",
                table: "sharing_audit_log",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_sharing_audit_log",
                table: "sharing_audit_log",
                columns: new[] { "Chain", "Sequence" });

            migrationBuilder.CreateTable(
                name: "sharing_audit_checkpoints",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Heads = table.Column<string>(type: "text", nullable: false),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_audit_checkpoints", x => x.Sequence);
                });

            migrationBuilder.Sql(AuditAppendOnlySql.CreateFor(SharingDbContext.CheckpointTable));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditAppendOnlySql.DropFor(SharingDbContext.CheckpointTable));
            migrationBuilder.DropTable(
                name: "sharing_audit_checkpoints");

            migrationBuilder.DropPrimaryKey(
                name: "PK_sharing_audit_log",
                table: "sharing_audit_log");

            migrationBuilder.DropColumn(
                name: "Chain",
                table: "sharing_audit_log");

            migrationBuilder.AddPrimaryKey(
                name: "PK_sharing_audit_log",
                table: "sharing_audit_log",
                column: "Sequence");
        }
    }
}
