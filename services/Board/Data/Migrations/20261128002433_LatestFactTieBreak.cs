using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.Board.Data.Migrations
{
    /// <inheritdoc />
    public partial class LatestFactTieBreak : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts");

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts",
                columns: new[] { "kind", "child", "on_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "code", "code2", "flag", "number", "number2", "occurred_at", "key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts");

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts",
                columns: new[] { "kind", "child", "on_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "code", "code2", "flag", "number", "number2" });
        }
    }
}
