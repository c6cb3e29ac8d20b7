using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnership.Board.Data.Migrations
{
    /// <inheritdoc />
    public partial class MaterialisedResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts");

            migrationBuilder.DropIndex(
                name: "ix_child_facts_kind_on",
                table: "child_facts");

            migrationBuilder.CreateTable(
                name: "fact_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fact_kind_versions",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_kind_versions", x => x.kind);
                });

            migrationBuilder.CreateTable(
                name: "measure_results",
                columns: table => new
                {
                    measure_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    financial_year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    numerator = table.Column<long>(type: "bigint", nullable: false),
                    denominator = table.Column<long>(type: "bigint", nullable: true),
                    basis = table.Column<long>(type: "bigint", nullable: false),
                    definition = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    compute_ms = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_measure_results", x => new { x.measure_id, x.financial_year, x.quarter });
                });

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts",
                columns: new[] { "kind", "child", "on_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "code", "code2", "flag", "number", "number2" });

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_code",
                table: "child_facts",
                columns: new[] { "kind", "code" },
                filter: "code IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "number" });

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_on",
                table: "child_facts",
                columns: new[] { "kind", "on_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "child", "number", "number2", "number3", "other_date", "code", "flag", "flag2", "flag3" });

            // Every statement that changes facts notes which kinds it changed, in its own transaction, and wakes the
            // board's result refresher when it commits. Statement-level triggers with transition tables cost one small
            // insert per statement, however many rows it wrote (a bulk COPY included).
            migrationBuilder.Sql("""
                CREATE FUNCTION board_note_fact_changes() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    noted integer;
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        INSERT INTO fact_changes (kind, changed_at) VALUES ('*', clock_timestamp());
                    ELSIF TG_TABLE_NAME <> 'child_facts' THEN
                        IF TG_OP = 'DELETE' THEN
                            INSERT INTO fact_changes (kind, changed_at) SELECT TG_TABLE_NAME, clock_timestamp() WHERE EXISTS (SELECT 1 FROM old_rows);
                        ELSE
                            INSERT INTO fact_changes (kind, changed_at) SELECT TG_TABLE_NAME, clock_timestamp() WHERE EXISTS (SELECT 1 FROM new_rows);
                        END IF;
                    ELSIF TG_OP = 'INSERT' THEN
                        INSERT INTO fact_changes (kind, changed_at) SELECT kind, clock_timestamp() FROM (SELECT DISTINCT kind FROM new_rows) k;
                    ELSIF TG_OP = 'UPDATE' THEN
                        INSERT INTO fact_changes (kind, changed_at) SELECT kind, clock_timestamp() FROM (SELECT kind FROM new_rows UNION SELECT kind FROM old_rows) k;
                    ELSE
                        INSERT INTO fact_changes (kind, changed_at) SELECT kind, clock_timestamp() FROM (SELECT DISTINCT kind FROM old_rows) k;
                    END IF;
                    GET DIAGNOSTICS noted = ROW_COUNT;
                    IF noted > 0 THEN
                        PERFORM pg_notify('board_fact_changes', '');
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in FactTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_inserted AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION board_note_fact_changes();
                    CREATE TRIGGER {table}_updated AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION board_note_fact_changes();
                    CREATE TRIGGER {table}_deleted AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION board_note_fact_changes();
                    CREATE TRIGGER {table}_truncated AFTER TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION board_note_fact_changes();
                    """);
            }
        }

        /// <summary>The tables the measures read; a change to any of them may change a result.</summary>
        private static readonly string[] FactTables = ["child_facts", "health_assessment_facts", "ssda903_imports"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in FactTables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER IF EXISTS {table}_inserted ON {table};
                    DROP TRIGGER IF EXISTS {table}_updated ON {table};
                    DROP TRIGGER IF EXISTS {table}_deleted ON {table};
                    DROP TRIGGER IF EXISTS {table}_truncated ON {table};
                    """);
            }
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS board_note_fact_changes();");

            migrationBuilder.DropTable(
                name: "fact_changes");

            migrationBuilder.DropTable(
                name: "fact_kind_versions");

            migrationBuilder.DropTable(
                name: "measure_results");

            migrationBuilder.DropIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts");

            migrationBuilder.DropIndex(
                name: "ix_child_facts_kind_code",
                table: "child_facts");

            migrationBuilder.DropIndex(
                name: "ix_child_facts_kind_on",
                table: "child_facts");

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_child_on",
                table: "child_facts",
                columns: new[] { "kind", "child", "on_date" });

            migrationBuilder.CreateIndex(
                name: "ix_child_facts_kind_on",
                table: "child_facts",
                columns: new[] { "kind", "on_date" });
        }
    }
}
