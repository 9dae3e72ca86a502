-- The state walks (whole-state searches sorted by best match or by name) carry every column a
-- search filters on, so the filters are tested on the index entries (an index-only scan once
-- the table is vacuumed) instead of one random table read per entry walked. drizzle-kit cannot
-- express INCLUDE; db/schema.ts declares the same key columns.
DROP INDEX IF EXISTS "therapists_state_best_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_best_idx" ON "therapists" USING btree ("state","criteria_score" DESC NULLS LAST,lower("display_name"),"id")
  INCLUDE ("modality_slugs","sciatica_experience","home_license_checked","ncbtmb_status","accepts_insurance","insurance_plans","accepts_physician_referrals","school_accredited","associations","accepting_new_clients","in_clinic","mobile")
  WHERE "therapists"."published";--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_state_name_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_name_idx" ON "therapists" USING btree ("state",lower("display_name"),"id")
  INCLUDE ("modality_slugs","sciatica_experience","home_license_checked","ncbtmb_status","accepts_insurance","insurance_plans","accepts_physician_referrals","school_accredited","associations","accepting_new_clients","in_clinic","mobile")
  WHERE "therapists"."published";
