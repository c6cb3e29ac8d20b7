using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Health.Data.Migrations
{
    /// <inheritdoc />
    public partial class HealthChecksAndCamhs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgeYears",
                table: "health_assessments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EnteredCareOn",
                table: "health_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WishesAndFeelingsRecorded",
                table: "health_assessments",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "camhs_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OutcomeMeasureOfferedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeMeasureCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_camhs_referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dental_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredWithDentist = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dental_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gp_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Registered = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gp_registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "immunisation_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UpToDate = table.Column<bool>(type: "boolean", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_immunisation_statuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sdq_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false),
                    ReceivingTherapeuticSupport = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sdq_scores", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "substance_misuse",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InterventionOffered = table.Column<bool>(type: "boolean", nullable: false),
                    InterventionReceived = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_substance_misuse", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_camhs_referrals_ChildKey_SubmittedByAgency",
                table: "camhs_referrals",
                columns: new[] { "ChildKey", "SubmittedByAgency" });

            migrationBuilder.CreateIndex(
                name: "IX_dental_checks_ChildKey_SubmittedByAgency",
                table: "dental_checks",
                columns: new[] { "ChildKey", "SubmittedByAgency" });

            migrationBuilder.CreateIndex(
                name: "IX_gp_registrations_ChildKey_SubmittedByAgency",
                table: "gp_registrations",
                columns: new[] { "ChildKey", "SubmittedByAgency" });

            migrationBuilder.CreateIndex(
                name: "IX_immunisation_statuses_ChildKey_SubmittedByAgency",
                table: "immunisation_statuses",
                columns: new[] { "ChildKey", "SubmittedByAgency" });

            migrationBuilder.CreateIndex(
                name: "IX_sdq_scores_ChildKey_SubmittedByAgency",
                table: "sdq_scores",
                columns: new[] { "ChildKey", "SubmittedByAgency" });

            migrationBuilder.CreateIndex(
                name: "IX_substance_misuse_ChildKey_SubmittedByAgency",
                table: "substance_misuse",
                columns: new[] { "ChildKey", "SubmittedByAgency" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "camhs_referrals");

            migrationBuilder.DropTable(
                name: "dental_checks");

            migrationBuilder.DropTable(
                name: "gp_registrations");

            migrationBuilder.DropTable(
                name: "immunisation_statuses");

            migrationBuilder.DropTable(
                name: "sdq_scores");

            migrationBuilder.DropTable(
                name: "substance_misuse");

            migrationBuilder.DropColumn(
                name: "AgeYears",
                table: "health_assessments");

            migrationBuilder.DropColumn(
                name: "EnteredCareOn",
                table: "health_assessments");

            migrationBuilder.DropColumn(
                name: "WishesAndFeelingsRecorded",
                table: "health_assessments");
        }
    }
}
