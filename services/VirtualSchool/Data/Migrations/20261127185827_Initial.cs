using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnership.VirtualSchool.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attainment_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    KeyStage = table.Column<int>(type: "integer", nullable: false),
                    FiveOrMoreAToC = table.Column<bool>(type: "boolean", nullable: false),
                    FiveOrMoreAToCIncludingEnglishAndMaths = table.Column<bool>(type: "boolean", nullable: false),
                    LookedAfterTwelveMonthsAt31March = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attainment_results", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "attendance_marks",
                columns: table => new
                {
                    child_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    session = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    mark = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    category = table.Column<short>(type: "smallint", nullable: false),
                    submitted_by_agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance_marks", x => new { x.child_key, x.date, x.session });
                });

            migrationBuilder.CreateTable(
                name: "exclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sessions = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exclusions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "neet_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false),
                    Neet = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_neet_statuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "personal_education_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Quality = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_education_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolDaysTaken = table.Column<int>(type: "integer", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_admissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_moves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowedPlacementMove = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_moves", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attainment_results_ChildKey",
                table: "attainment_results",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_attainment_results_SubmittedByAgency_RecordedAt",
                table: "attainment_results",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_attendance_marks_submitted_by_agency_date",
                table: "attendance_marks",
                columns: new[] { "submitted_by_agency", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_exclusions_ChildKey",
                table: "exclusions",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_exclusions_SubmittedByAgency_RecordedAt",
                table: "exclusions",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_neet_statuses_ChildKey",
                table: "neet_statuses",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_neet_statuses_SubmittedByAgency_RecordedAt",
                table: "neet_statuses",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_unsent",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_personal_education_plans_ChildKey",
                table: "personal_education_plans",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_personal_education_plans_SubmittedByAgency_RecordedAt",
                table: "personal_education_plans",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_school_admissions_ChildKey",
                table: "school_admissions",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_school_admissions_SubmittedByAgency_RecordedAt",
                table: "school_admissions",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_school_moves_ChildKey",
                table: "school_moves",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_school_moves_SubmittedByAgency_RecordedAt",
                table: "school_moves",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attainment_results");

            migrationBuilder.DropTable(
                name: "attendance_marks");

            migrationBuilder.DropTable(
                name: "exclusions");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "neet_statuses");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "personal_education_plans");

            migrationBuilder.DropTable(
                name: "school_admissions");

            migrationBuilder.DropTable(
                name: "school_moves");
        }
    }
}
