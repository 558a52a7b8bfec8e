CREATE TABLE "dose_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"clinic_id" text NOT NULL,
	"patient_id" text,
	"actor_id" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"library_version" text NOT NULL,
	"product_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"request" jsonb NOT NULL,
	"verdict" text NOT NULL,
	"violations" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drug_library_approvals" (
	"clinic_id" text NOT NULL,
	"version" integer NOT NULL,
	"approved_by" text NOT NULL,
	"approved_at" timestamp (3) with time zone NOT NULL,
	"note" text,
	CONSTRAINT "drug_library_approvals_clinic_id_version_pk" PRIMARY KEY("clinic_id","version")
);
--> statement-breakpoint
CREATE TABLE "drug_library_versions" (
	"clinic_id" text NOT NULL,
	"version" integer NOT NULL,
	"library" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"note" text,
	CONSTRAINT "drug_library_versions_clinic_id_version_pk" PRIMARY KEY("clinic_id","version")
);
--> statement-breakpoint
ALTER TABLE "dose_checks" ADD CONSTRAINT "dose_checks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_checks" ADD CONSTRAINT "dose_checks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dose_checks" ADD CONSTRAINT "dose_checks_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drug_library_approvals" ADD CONSTRAINT "drug_library_approvals_approved_by_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drug_library_approvals" ADD CONSTRAINT "drug_library_approvals_version_fk" FOREIGN KEY ("clinic_id","version") REFERENCES "public"."drug_library_versions"("clinic_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drug_library_versions" ADD CONSTRAINT "drug_library_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drug_library_versions" ADD CONSTRAINT "drug_library_versions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dose_checks_clinic_at_idx" ON "dose_checks" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE INDEX "dose_checks_patient_at_idx" ON "dose_checks" USING btree ("patient_id","at");