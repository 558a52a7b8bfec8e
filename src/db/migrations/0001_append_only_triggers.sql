-- Forward-only migration. Clinical history and the audit trail are append-only: the database itself refuses
-- UPDATE, DELETE and TRUNCATE on them, whatever the application does. A superuser can still drop the triggers;
-- the hash chains and the external chain heads (audit_heads, backups) are the evidence against that.
CREATE OR REPLACE FUNCTION ketaclinic_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append_only: % on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER patient_versions_append_only BEFORE UPDATE OR DELETE ON patient_versions FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER patient_versions_no_truncate BEFORE TRUNCATE ON patient_versions FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER patients_no_delete BEFORE DELETE ON patients FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER patients_no_truncate BEFORE TRUNCATE ON patients FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
