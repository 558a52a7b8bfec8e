-- Forward-only migration. The Schedule III ledger is append-only (issue 5, item 4; 21 CFR 1304.04 keeps records two
-- years, and the app offers no way to change or delete them): the database refuses UPDATE, DELETE and TRUNCATE on
-- registrations, locations, lots, opened containers, entries and lines, reusing ketaclinic_refuse_change() from 0001.
-- The chain heads advance by UPDATE and the balance cache is updated in place, but neither may be deleted or truncated.
-- A superuser can still drop these triggers; the hash chains and the heads outside them are the evidence against that.
CREATE TRIGGER dea_registrations_append_only BEFORE UPDATE OR DELETE ON dea_registrations FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER dea_registrations_no_truncate BEFORE TRUNCATE ON dea_registrations FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER storage_locations_append_only BEFORE UPDATE OR DELETE ON storage_locations FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER storage_locations_no_truncate BEFORE TRUNCATE ON storage_locations FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_lots_append_only BEFORE UPDATE OR DELETE ON ledger_lots FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_lots_no_truncate BEFORE TRUNCATE ON ledger_lots FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_containers_append_only BEFORE UPDATE OR DELETE ON ledger_containers FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_containers_no_truncate BEFORE TRUNCATE ON ledger_containers FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE ON ledger_lines FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_truncate BEFORE TRUNCATE ON ledger_lines FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_heads_no_delete BEFORE DELETE ON ledger_heads FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_heads_no_truncate BEFORE TRUNCATE ON ledger_heads FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_balances_no_delete BEFORE DELETE ON ledger_balances FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_balances_no_truncate BEFORE TRUNCATE ON ledger_balances FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
