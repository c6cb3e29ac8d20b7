using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnership.Board.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WishesAndFeelingsRecorded",
                table: "health_assessment_facts",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "child_facts",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    child = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    on_date = table.Column<DateOnly>(type: "date", nullable: false),
                    other_date = table.Column<DateOnly>(type: "date", nullable: true),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    code2 = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    code3 = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    flag = table.Column<bool>(type: "boolean", nullable: true),
                    flag2 = table.Column<bool>(type: "boolean", nullable: true),
                    flag3 = table.Column<bool>(type: "boolean", nullable: true),
                    number = table.Column<int>(type: "integer", nullable: true),
                    number2 = table.Column<int>(type: "integer", nullable: true),
                    number3 = table.Column<int>(type: "integer", nullable: true),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_facts", x => new { x.kind, x.key });
                });

            migrationBuilder.CreateTable(
                name: "indicator_snapshots",
                columns: table => new
                {
                    plan_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    indicator_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    financial_year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    numerator = table.Column<long>(type: "bigint", nullable: true),
                    denominator = table.Column<long>(type: "bigint", nullable: true),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    as_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_snapshots", x => new { x.plan_id, x.indicator_id, x.financial_year, x.quarter });
                });

            migrationBuilder.CreateTable(
                name: "manual_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    plan_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    indicator_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    financial_year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    numerator = table.Column<int>(type: "integer", nullable: true),
                    denominator = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_manual_values", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ssda903_imports",
                columns: table => new
                {
                    collection_year = table.Column<int>(type: "integer", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    children = table.Column<int>(type: "integer", nullable: false),
                    episodes = table.Column<int>(type: "integer", nullable: false),
                    oc2_records = table.Column<int>(type: "integer", nullable: false),
                    oc3_records = table.Column<int>(type: "integer", nullable: false),
                    missing_episodes = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ssda903_imports", x => x.collection_year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_health_assessment_facts_ChildPseudonym_CompletedOn",
                table: "health_assessment_facts",
                columns: new[] { "ChildPseudonym", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts",
                columns: new[] { "kind", "child", "on_date" });

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_on",
                table: "child_facts",
                columns: new[] { "kind", "on_date" });

            migrationBuilder.CreateIndex(
                name: "ix_manual_values_period",
                table: "manual_values",
                columns: new[] { "plan_id", "indicator_id", "financial_year", "quarter", "id" });
            // Manual values are an audit trail: corrections are new rows, so the database itself refuses edits and deletions.
            migrationBuilder.Sql("""
                CREATE FUNCTION manual_values_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'manual_values is append-only: enter a new value instead';
                END $$;
                CREATE TRIGGER manual_values_append_only BEFORE UPDATE OR DELETE ON manual_values
                    FOR EACH ROW EXECUTE FUNCTION manual_values_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS manual_values_append_only ON manual_values; DROP FUNCTION IF EXISTS manual_values_append_only();");
            migrationBuilder.DropTable(
                name: "child_facts");

            migrationBuilder.DropTable(
                name: "indicator_snapshots");

            migrationBuilder.DropTable(
                name: "manual_values");

            migrationBuilder.DropTable(
                name: "ssda903_imports");

            migrationBuilder.DropIndex(
                name: "IX_health_assessment_facts_ChildPseudonym_CompletedOn",
                table: "health_assessment_facts");

            migrationBuilder.DropColumn(
                name: "WishesAndFeelingsRecorded",
                table: "health_assessment_facts");
        }
    }
}
