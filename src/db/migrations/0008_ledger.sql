CREATE TABLE "dea_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"clinic_id" text NOT NULL,
	"dea_number" text NOT NULL,
	"registrant_name" text NOT NULL,
	"address" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "dea_registrations_dea_number_unique" UNIQUE("dea_number")
);
--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"registration_id" text NOT NULL,
	"lot_id" text NOT NULL,
	"location_id" text NOT NULL,
	"container_id" text NOT NULL,
	"containers" numeric(14, 4) NOT NULL,
	"ml" numeric(14, 3) NOT NULL,
	"mg" numeric(14, 3) NOT NULL,
	CONSTRAINT "ledger_balances_lot_id_location_id_container_id_pk" PRIMARY KEY("lot_id","location_id","container_id"),
	CONSTRAINT "ledger_balances_not_negative" CHECK ("ledger_balances"."containers" >= 0 AND "ledger_balances"."ml" >= 0 AND "ledger_balances"."mg" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_containers" (
	"id" text PRIMARY KEY NOT NULL,
	"registration_id" text NOT NULL,
	"lot_id" text NOT NULL,
	"location_id" text NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"opened_entry_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"registration_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"patient_id" text,
	"details_json" text NOT NULL,
	"reverses_entry_id" text,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "ledger_entries_registration_id_seq_pk" PRIMARY KEY("registration_id","seq"),
	CONSTRAINT "ledger_entries_id_unique" UNIQUE("id"),
	CONSTRAINT "ledger_entries_reverses_entry_id_unique" UNIQUE("reverses_entry_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_heads" (
	"registration_id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_lines" (
	"entry_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"registration_id" text NOT NULL,
	"lot_id" text NOT NULL,
	"location_id" text NOT NULL,
	"container_id" text NOT NULL,
	"delta_containers" numeric(14, 4) NOT NULL,
	"delta_ml" numeric(14, 3) NOT NULL,
	"delta_mg" numeric(14, 3) NOT NULL,
	CONSTRAINT "ledger_lines_entry_id_line_no_pk" PRIMARY KEY("entry_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "ledger_lots" (
	"id" text PRIMARY KEY NOT NULL,
	"registration_id" text NOT NULL,
	"product_id" text NOT NULL,
	"product_name" text NOT NULL,
	"drug" text NOT NULL,
	"form" text NOT NULL,
	"lot_number" text NOT NULL,
	"expires_on" date NOT NULL,
	"container_volume_ml" numeric(14, 3) NOT NULL,
	"concentration_mg_per_ml" numeric(14, 3) NOT NULL,
	"ndc" text,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "ledger_lots_lot_unique" UNIQUE("registration_id","product_id","lot_number")
);
--> statement-breakpoint
CREATE TABLE "storage_locations" (
	"id" text PRIMARY KEY NOT NULL,
	"registration_id" text NOT NULL,
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "storage_locations_name_unique" UNIQUE("registration_id","name")
);
--> statement-breakpoint
ALTER TABLE "dea_registrations" ADD CONSTRAINT "dea_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dea_registrations" ADD CONSTRAINT "dea_registrations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dea_registrations" ADD CONSTRAINT "dea_registrations_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_lot_id_ledger_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."ledger_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_containers" ADD CONSTRAINT "ledger_containers_registration_id_dea_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."dea_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_containers" ADD CONSTRAINT "ledger_containers_lot_id_ledger_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."ledger_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_containers" ADD CONSTRAINT "ledger_containers_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_containers" ADD CONSTRAINT "ledger_containers_opened_by_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_registration_id_dea_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."dea_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_heads" ADD CONSTRAINT "ledger_heads_registration_id_dea_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."dea_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_lot_id_ledger_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."ledger_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_location_id_storage_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."storage_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lots" ADD CONSTRAINT "ledger_lots_registration_id_dea_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."dea_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lots" ADD CONSTRAINT "ledger_lots_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_locations" ADD CONSTRAINT "storage_locations_registration_id_dea_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."dea_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storage_locations" ADD CONSTRAINT "storage_locations_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_balances_registration_idx" ON "ledger_balances" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_kind_idx" ON "ledger_entries" USING btree ("registration_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_patient_idx" ON "ledger_entries" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "ledger_lines_bucket_idx" ON "ledger_lines" USING btree ("lot_id","location_id","container_id");