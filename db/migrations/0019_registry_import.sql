CREATE TABLE "registry_removals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"npi" text NOT NULL,
	"therapist_id" uuid,
	"user_id" text,
	"licence_number" text NOT NULL,
	"message" text,
	"status" "claim_status" DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "npi" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "registry_facts" jsonb;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "registry_updated_on" date;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "registry_deactivated_on" date;--> statement-breakpoint
ALTER TABLE "registry_removals" ADD CONSTRAINT "registry_removals_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_removals" ADD CONSTRAINT "registry_removals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_removals" ADD CONSTRAINT "registry_removals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_removals_status_idx" ON "registry_removals" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_removals_approved_idx" ON "registry_removals" USING btree ("npi") WHERE "registry_removals"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "therapists_earth_unclaimed_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = -1;--> statement-breakpoint
CREATE UNIQUE INDEX "therapists_npi_idx" ON "therapists" USING btree ("npi");