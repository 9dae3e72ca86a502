-- The 1-in-16 sample's indexes (migration 0006) carry every column a search filters on, and the
-- earth point itself (as an included column: the cube GiST operator class cannot return its key),
-- so that a count is estimated from the index alone (an index-only scan once the table is
-- vacuumed) instead of one random table read per sampled row. A search counts its sample first
-- and skips the exact count when the sample alone shows far more matches than the threshold
-- (db/queries/search.ts, countOrEstimate). drizzle-kit cannot express INCLUDE; db/schema.ts
-- declares the same key columns.
DROP INDEX IF EXISTS "therapists_earth_sample_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_sample_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","state","modality_slugs","sciatica_experience","home_license_checked","home_license_claimed","ncbtmb_status","accepts_insurance","insurance_plans","accepts_physician_referrals","school_accredited","school_check","associations","associations_check","accepting_new_clients","in_clinic","mobile","price_min","price_max","languages","gender","wheelchair_accessible","offers_superbills","accepts_hsa_fsa","display_name","practice_name")
  WHERE "therapists"."published" and (get_byte(uuid_send(id), 15) & 15) = 0;--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_state_sample_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_sample_idx" ON "therapists" USING btree ("state")
  INCLUDE ("modality_slugs","sciatica_experience","home_license_checked","home_license_claimed","ncbtmb_status","accepts_insurance","insurance_plans","accepts_physician_referrals","school_accredited","school_check","associations","associations_check","accepting_new_clients","in_clinic","mobile","price_min","price_max","languages","gender","wheelchair_accessible","offers_superbills","accepts_hsa_fsa","display_name","practice_name")
  WHERE "therapists"."published" and (get_byte(uuid_send(id), 15) & 15) = 0;
