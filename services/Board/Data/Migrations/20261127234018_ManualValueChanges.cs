using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Board.Data.Migrations
{
    /// <inheritdoc />
    public partial class ManualValueChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A manual entry changes no measure, but it changes published answers: noting it (as "manual_values") lets
            // every board instance drop answers it published before the entry. Entries are only ever inserted.
            migrationBuilder.Sql("""
                CREATE TRIGGER manual_values_inserted AFTER INSERT ON manual_values REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION board_note_fact_changes();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS manual_values_inserted ON manual_values;");
        }
    }
}
