using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.CareRegister.Data.Migrations
{
    /// <summary>
    /// The SSDA903 key columns compare bytewise (COLLATE "C"): CHILD ids and platform keys are opaque codes with no
    /// linguistic order, and under the database's C.UTF-8 collation every index comparison went through strcoll.
    /// </summary>
    public partial class Ssda903KeyCollation : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE ssda903_child_keys
                    ALTER COLUMN local_child_id TYPE varchar(10) COLLATE "C",
                    ALTER COLUMN child_key TYPE varchar(64) COLLATE "C";
                ALTER TABLE ssda903_episodes ALTER COLUMN child_key TYPE varchar(64) COLLATE "C";
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE ssda903_child_keys
                    ALTER COLUMN local_child_id TYPE varchar(10) COLLATE "default",
                    ALTER COLUMN child_key TYPE varchar(64) COLLATE "default";
                ALTER TABLE ssda903_episodes ALTER COLUMN child_key TYPE varchar(64) COLLATE "default";
                """);
        }
    }
}
