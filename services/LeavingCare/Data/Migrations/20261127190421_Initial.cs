using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnership.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accommodation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AccommodationCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    AccommodationType = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Suitable = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accommodation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ActivityCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    InEducationEmploymentOrTraining = table.Column<bool>(type: "boolean", nullable: false),
                    InHigherEducation = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "care_leavers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_care_leavers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InTouch = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WithinBirthdayWindow = table.Column<bool>(type: "boolean", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => x.Id);
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
                name: "pathway_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AuthorisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pathway_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "personal_adviser_allocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AllocatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_adviser_allocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staying_put",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staying_put", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accommodation_ChildKey",
                table: "accommodation",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_accommodation_SubmittedByAgency_RecordedAt",
                table: "accommodation",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_activities_ChildKey",
                table: "activities",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_activities_SubmittedByAgency_RecordedAt",
                table: "activities",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_care_leavers_SubmittedByAgency_RecordedAt",
                table: "care_leavers",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "ux_care_leavers_child_key",
                table: "care_leavers",
                column: "ChildKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contacts_ChildKey",
                table: "contacts",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_SubmittedByAgency_RecordedAt",
                table: "contacts",
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
                name: "IX_pathway_plans_ChildKey",
                table: "pathway_plans",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_pathway_plans_SubmittedByAgency_RecordedAt",
                table: "pathway_plans",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_personal_adviser_allocations_ChildKey",
                table: "personal_adviser_allocations",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_personal_adviser_allocations_SubmittedByAgency_RecordedAt",
                table: "personal_adviser_allocations",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_staying_put_ChildKey",
                table: "staying_put",
                column: "ChildKey");

            migrationBuilder.CreateIndex(
                name: "IX_staying_put_SubmittedByAgency_RecordedAt",
                table: "staying_put",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accommodation");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "care_leavers");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pathway_plans");

            migrationBuilder.DropTable(
                name: "personal_adviser_allocations");

            migrationBuilder.DropTable(
                name: "staying_put");
        }
    }
}
