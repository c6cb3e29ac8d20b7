namespace Partnership.Sharing.Data;

/// <summary>
/// Makes an audit table append-only inside PostgreSQL, for every role that connects, including the service's own:
/// UPDATE, DELETE and TRUNCATE raise an error. Only a superuser who disables the trigger can change history, and the
/// hash chain still shows that they did.
/// </summary>
public static class AuditAppendOnlySql
{
    public static readonly string Create = CreateFor(SharingDbContext.AuditTable);
    public static readonly string Drop = DropFor(SharingDbContext.AuditTable);

    public static string CreateFor(string table) => $"""
        CREATE FUNCTION {table}_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{table} is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER {table}_append_only
            BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_reject_change();
        CREATE TRIGGER {table}_no_truncate
            BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION {table}_reject_change();
        """;

    public static string DropFor(string table) => $"""
        DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};
        DROP TRIGGER IF EXISTS {table}_append_only ON {table};
        DROP FUNCTION IF EXISTS {table}_reject_change();
        """;
}
