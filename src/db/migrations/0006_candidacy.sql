CREATE TABLE "evaluation_signatures" (
	"evaluation_id" text PRIMARY KEY NOT NULL,
	"signed_by" text NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL,
	"overrides" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"note" text,
	"reevaluation_due" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"clinic_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"patient_version" integer NOT NULL,
	"findings" jsonb NOT NULL,
	"instruments" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"rule_set_version" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"clinic_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"contact" jsonb NOT NULL,
	"consent_to_contact" boolean NOT NULL,
	"status" text NOT NULL,
	"patient_id" text
);
--> statement-breakpoint
CREATE TABLE "safety_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"clinic_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"completed_by" text,
	"completed_at" timestamp (3) with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "self_check_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"clinic_id" text NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"answers" jsonb NOT NULL,
	"assessment" jsonb NOT NULL,
	"rule_set_version" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_signatures" ADD CONSTRAINT "evaluation_signatures_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_signatures" ADD CONSTRAINT "evaluation_signatures_signed_by_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_submission_id_self_check_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."self_check_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_tasks" ADD CONSTRAINT "safety_tasks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_tasks" ADD CONSTRAINT "safety_tasks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_tasks" ADD CONSTRAINT "safety_tasks_completed_by_user_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_check_submissions" ADD CONSTRAINT "self_check_submissions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_patient_idx" ON "evaluations" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_clinic_idx" ON "leads" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "safety_tasks_clinic_idx" ON "safety_tasks" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "self_check_submissions_clinic_idx" ON "self_check_submissions" USING btree ("clinic_id","submitted_at");