-- Forward-only migration. Versioned e-consent (issue 4, item 4): templates, signatures, attestations, withdrawals.
CREATE TABLE "consent_attestations" (
	"id" text PRIMARY KEY NOT NULL,
	"signature_id" text NOT NULL,
	"clinician_id" text NOT NULL,
	"attested_at" timestamp (3) with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "consent_signatures" (
	"id" text PRIMARY KEY NOT NULL,
	"clinic_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"route_group" text NOT NULL,
	"text_sha256" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_capacity" text NOT NULL,
	"representative_relationship" text,
	"signature" text NOT NULL,
	"signature_sha256" text NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL,
	"ip" text NOT NULL,
	"record_sha256" text NOT NULL,
	"signed_via" text NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_templates" (
	"clinic_id" text NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"route_group" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"material_change" boolean NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "consent_templates_clinic_id_template_id_version_pk" PRIMARY KEY("clinic_id","template_id","version")
);
--> statement-breakpoint
CREATE TABLE "consent_withdrawals" (
	"id" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"route_group" text NOT NULL,
	"withdrawn_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_attestations" ADD CONSTRAINT "consent_attestations_signature_id_consent_signatures_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."consent_signatures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_attestations" ADD CONSTRAINT "consent_attestations_clinician_id_user_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_signatures" ADD CONSTRAINT "consent_signatures_template_fk" FOREIGN KEY ("clinic_id","template_id","version") REFERENCES "public"."consent_templates"("clinic_id","template_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_templates" ADD CONSTRAINT "consent_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_templates" ADD CONSTRAINT "consent_templates_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_attestations_signature_idx" ON "consent_attestations" USING btree ("signature_id");--> statement-breakpoint
CREATE INDEX "consent_signatures_patient_idx" ON "consent_signatures" USING btree ("patient_id","signed_at");--> statement-breakpoint
CREATE INDEX "consent_withdrawals_patient_idx" ON "consent_withdrawals" USING btree ("patient_id","withdrawn_at");