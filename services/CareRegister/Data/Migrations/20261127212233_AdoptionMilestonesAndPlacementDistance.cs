using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.CareRegister.Data.Migrations
{
    /// <summary>
    /// Adoption milestones recorded by social care; postcodes on the register's episodes. For the SSDA903 row tables
    /// (plain SQL, as in Ssda903RowTables): each episode's distance and within-20-miles flag, and the AD1 and Placed
    /// for adoption files.
    /// </summary>
    public partial class AdoptionMilestonesAndPlacementDistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Ad1Records",
                table: "ssda903_imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AdoptionMilestones",
                table: "ssda903_imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PlacedForAdoptionRecords",
                table: "ssda903_imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HomePostcode",
                table: "care_episodes",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementPostcode",
                table: "care_episodes",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "adoption_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    EnteredCareOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adoption_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adoption_milestones_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_adoption_milestones_ChildId_Milestone",
                table: "adoption_milestones",
                columns: new[] { "ChildId", "Milestone" },
                unique: true);

            migrationBuilder.Sql("""
                ALTER TABLE ssda903_episodes ADD COLUMN pl_distance double precision, ADD COLUMN within_20_miles boolean;
                CREATE TABLE ssda903_ad1 (
                    import_id uuid NOT NULL, collection_year integer NOT NULL, row_number integer NOT NULL,
                    child varchar(10) NOT NULL, child_key varchar(64) NOT NULL,
                    date_int date NOT NULL, date_match date NOT NULL, foster_care boolean, nb_adoptr varchar(1), sex_adoptr varchar(2),
                    ls_adoptr varchar(3));
                CREATE TABLE ssda903_placed_adoption (
                    import_id uuid NOT NULL, collection_year integer NOT NULL, row_number integer NOT NULL,
                    child varchar(10) NOT NULL, child_key varchar(64) NOT NULL,
                    date_placed date NOT NULL, date_placed_ceased date, reason_placed_ceased varchar(3));
                CREATE INDEX ix_ssda903_ad1_year ON ssda903_ad1 (collection_year);
                CREATE INDEX ix_ssda903_placed_adoption_year ON ssda903_placed_adoption (collection_year);
                CREATE INDEX ix_ssda903_episodes_child_key ON ssda903_episodes (child_key);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_ssda903_episodes_child_key;
                DROP TABLE ssda903_placed_adoption;
                DROP TABLE ssda903_ad1;
                ALTER TABLE ssda903_episodes DROP COLUMN within_20_miles, DROP COLUMN pl_distance;
                """);

            migrationBuilder.DropTable(
                name: "adoption_milestones");

            migrationBuilder.DropColumn(
                name: "Ad1Records",
                table: "ssda903_imports");

            migrationBuilder.DropColumn(
                name: "AdoptionMilestones",
                table: "ssda903_imports");

            migrationBuilder.DropColumn(
                name: "PlacedForAdoptionRecords",
                table: "ssda903_imports");

            migrationBuilder.DropColumn(
                name: "HomePostcode",
                table: "care_episodes");

            migrationBuilder.DropColumn(
                name: "PlacementPostcode",
                table: "care_episodes");
        }
    }
}
