-- Forward-only migration. Consent templates, signatures, attestations and withdrawals are append-only (issue 4,
-- item 4: signed consents are immutable; a new template version or a withdrawal is a new row): the database refuses
-- UPDATE, DELETE and TRUNCATE on them, reusing ketaclinic_refuse_change() from migration 0001.
CREATE TRIGGER consent_templates_append_only BEFORE UPDATE OR DELETE ON consent_templates FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_templates_no_truncate BEFORE TRUNCATE ON consent_templates FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_signatures_append_only BEFORE UPDATE OR DELETE ON consent_signatures FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_signatures_no_truncate BEFORE TRUNCATE ON consent_signatures FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_attestations_append_only BEFORE UPDATE OR DELETE ON consent_attestations FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_attestations_no_truncate BEFORE TRUNCATE ON consent_attestations FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_withdrawals_append_only BEFORE UPDATE OR DELETE ON consent_withdrawals FOR EACH ROW EXECUTE FUNCTION ketaclinic_refuse_change();
--> statement-breakpoint
CREATE TRIGGER consent_withdrawals_no_truncate BEFORE TRUNCATE ON consent_withdrawals FOR EACH STATEMENT EXECUTE FUNCTION ketaclinic_refuse_change();
