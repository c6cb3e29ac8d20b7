using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.LeavingCare.Data.Migrations
{
    /// <inheritdoc />
    public partial class LivingSkillsProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "living_skills_programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_living_skills_programmes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_living_skills_programmes_SubmittedByAgency_RecordedAt",
                table: "living_skills_programmes",
                columns: new[] { "SubmittedByAgency", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "ux_living_skills_programmes_child_key",
                table: "living_skills_programmes",
                column: "ChildKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "living_skills_programmes");
        }
    }
}
