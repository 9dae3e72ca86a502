CREATE TYPE "public"."report_outcome" AS ENUM('changed', 'no_change');--> statement-breakpoint
CREATE TABLE "listing_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"reporter_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" text,
	"outcome" "report_outcome",
	"close_note" text
);
--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "approved_text" jsonb;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "text_review_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "listing_reports" ADD CONSTRAINT "listing_reports_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_reports" ADD CONSTRAINT "listing_reports_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_reports_open_idx" ON "listing_reports" USING btree ("created_at") WHERE "listing_reports"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "therapists_text_review_idx" ON "therapists" USING btree ("text_review_requested_at") WHERE "therapists"."text_review_requested_at" is not null;--> statement-breakpoint
-- Listings already on the site when text review began count as approved as they stand; the
-- queue holds changes from now on (the demo seed does the same for its fictional listings).
UPDATE "therapists" SET "approved_text" = jsonb_build_object('displayName', "display_name", 'practiceName', "practice_name", 'bio', "bio", 'sciaticaDescription', "sciatica_description", 'schoolName', "school_name", 'associations', to_jsonb("associations"), 'accessibilityNotes', "accessibility_notes", 'hours', "hours") WHERE "published";
