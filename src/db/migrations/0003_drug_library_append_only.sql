-- Forward-only migration. Drug library versions, their approvals and the dose-check log are append-only
-- (DOMAIN.md 13: every check names the library version it used, and breaches are reviewed later): the database
-- refuses UPDATE, DELETE and TRUNCATE on them, reusing ketaclinic_refuse_change() from migration 0001.
CREATE TRIGGER drug_library_versions_append_only BEFORE UPDATE OR DELETE ON drug_library_versions FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER drug_library_versions_no_truncate BEFORE TRUNCATE ON drug_library_versions FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER drug_library_approvals_append_only BEFORE UPDATE OR DELETE ON drug_library_approvals FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER drug_library_approvals_no_truncate BEFORE TRUNCATE ON drug_library_approvals FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dose_checks_append_only BEFORE UPDATE OR DELETE ON dose_checks FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dose_checks_no_truncate BEFORE TRUNCATE ON dose_checks FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
