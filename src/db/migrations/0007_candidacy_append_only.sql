-- Forward-only migration. Self-check submissions, evaluations and their signatures are append-only (issue 4, items
-- 2 and 3: what a person told us and what a clinician evaluated and signed is never changed); the database refuses
-- UPDATE, DELETE and TRUNCATE on them, reusing ketaclinic_refuse_change() from migration 0001. Leads and safety
-- tasks are administrative (status, completion) and stay updatable.
CREATE TRIGGER self_check_submissions_append_only BEFORE UPDATE OR DELETE ON self_check_submissions FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER self_check_submissions_no_truncate BEFORE TRUNCATE ON self_check_submissions FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evaluations_append_only BEFORE UPDATE OR DELETE ON evaluations FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evaluations_no_truncate BEFORE TRUNCATE ON evaluations FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evaluation_signatures_append_only BEFORE UPDATE OR DELETE ON evaluation_signatures FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evaluation_signatures_no_truncate BEFORE TRUNCATE ON evaluation_signatures FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
