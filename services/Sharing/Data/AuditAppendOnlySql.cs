namespace Partnership.Sharing.Data;

/// <summary>
/// Makes the audit table append-only inside PostgreSQL, for every role that connects, including the service's own:
/// UPDATE, DELETE and TRUNCATE raise an error. Only a superuser who disables the trigger can change history, and the
/// hash chain still shows that they did.
/// </summary>
public static class AuditAppendOnlySql
{
    public const string Create = $"""
        CREATE FUNCTION sharing_audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{SharingDbContext.AuditTable} is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER sharing_audit_log_append_only
            BEFORE UPDATE OR DELETE ON {SharingDbContext.AuditTable}
            FOR EACH ROW EXECUTE FUNCTION sharing_audit_log_reject_change();
        CREATE TRIGGER sharing_audit_log_no_truncate
            BEFORE TRUNCATE ON {SharingDbContext.AuditTable}
            FOR EACH STATEMENT EXECUTE FUNCTION sharing_audit_log_reject_change();
        """;

    public const string Drop = $"""
        DROP TRIGGER IF EXISTS sharing_audit_log_no_truncate ON {SharingDbContext.AuditTable};
        DROP TRIGGER IF EXISTS sharing_audit_log_append_only ON {SharingDbContext.AuditTable};
        DROP FUNCTION IF EXISTS sharing_audit_log_reject_change();
        """;
}
