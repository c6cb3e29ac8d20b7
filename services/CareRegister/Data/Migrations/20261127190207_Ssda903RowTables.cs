using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnership.CareRegister.Data.Migrations
{
    /// <summary>
    /// The SSDA903 row tables, in plain SQL: they are written only by binary COPY and read by SQL, never tracked by EF.
    /// Every table carries the collection year so a re-import can replace the year, and the platform child key so
    /// rows can be joined without the local authority's own CHILD id leaving this service.
    /// </summary>
    public partial class Ssda903RowTables : Migration
    {
        private const string Common = """
            import_id uuid NOT NULL,
            collection_year integer NOT NULL,
            row_number integer NOT NULL,
            child varchar(10) NOT NULL,
            child_key varchar(64) NOT NULL,
            """;

        private static readonly string[] Tables =
            ["ssda903_children", "ssda903_episodes", "ssda903_reviews", "ssda903_oc2", "ssda903_oc3", "ssda903_missing", "ssda903_uasc"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE ssda903_child_keys (
                    local_child_id varchar(10) PRIMARY KEY,
                    child_key varchar(64) NOT NULL UNIQUE,
                    created_at timestamptz NOT NULL);
                """);
            migrationBuilder.Sql($"""
                CREATE TABLE ssda903_children ({Common}
                    sex smallint, dob date NOT NULL, ethnic varchar(4), upn varchar(13), mother smallint, mc_dob date,
                    age_at_year_end integer NOT NULL, oc2_cohort boolean NOT NULL, short_breaks_only boolean NOT NULL);
                CREATE TABLE ssda903_episodes ({Common}
                    decom date NOT NULL, rne varchar(1) NOT NULL, ls varchar(2) NOT NULL, cin varchar(2), place varchar(2) NOT NULL,
                    place_provider varchar(3), dec date, rec varchar(3), reason_place_change varchar(6), home_post varchar(8),
                    pl_post varchar(8), urn varchar(10), short_break boolean NOT NULL);
                CREATE TABLE ssda903_reviews ({Common}
                    review date NOT NULL, review_code varchar(3));
                CREATE TABLE ssda903_oc2 ({Common}
                    sdq_score smallint, sdq_reason varchar(4), convicted boolean, health_check boolean, immunisations boolean,
                    teeth_check boolean, health_assessment boolean, substance_misuse boolean, intervention_received boolean,
                    intervention_offered boolean, age_at_year_end integer NOT NULL, in_cohort boolean NOT NULL);
                CREATE TABLE ssda903_oc3 ({Common}
                    in_touch varchar(4) NOT NULL, activ varchar(2), accom varchar(2), age_in_year integer NOT NULL, in_cohort boolean NOT NULL);
                CREATE TABLE ssda903_missing ({Common}
                    missing varchar(1) NOT NULL, mis_start date NOT NULL, mis_end date);
                CREATE TABLE ssda903_uasc ({Common}
                    duc date);
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"CREATE INDEX ix_{table}_year ON {table} (collection_year);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TABLE {table};");
            }
            migrationBuilder.Sql("DROP TABLE ssda903_child_keys;");
        }
    }
}
