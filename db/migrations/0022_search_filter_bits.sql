ALTER TABLE "therapists" ADD COLUMN "filter_bits" integer GENERATED ALWAYS AS ((case when coalesce(home_license_checked, false) then 1 else 0 end) | (case when coalesce(home_license_claimed, false) then 2 else 0 end) | (case when ncbtmb_status = 'verified' then 4 else 0 end) | (case when ncbtmb_status in ('verified', 'self_reported') then 8 else 0 end) | (case when accepts_insurance then 16 else 0 end) | (case when accepts_physician_referrals then 32 else 0 end) | (case when school_check = 'checked' then 64 else 0 end) | (case when (school_accredited and school_check <> 'unconfirmed') then 128 else 0 end) | (case when associations_check = 'checked' then 256 else 0 end) | (case when (cardinality(associations) > 0 and associations_check <> 'unconfirmed') then 512 else 0 end) | (case when accepting_new_clients then 1024 else 0 end) | (case when in_clinic then 2048 else 0 end) | (case when mobile then 4096 else 0 end) | (case when sciatica_experience = 'extensive' then 8192 else 0 end) | (case when sciatica_experience in ('some', 'extensive') then 16384 else 0 end) | (case when wheelchair_accessible then 32768 else 0 end) | (case when offers_superbills then 65536 else 0 end) | (case when accepts_hsa_fsa then 131072 else 0 end) | (case when modality_slugs = '{}'::text[] then 262144 else 0 end)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "modality_bits" integer GENERATED ALWAYS AS ((case when 'swedish' = any(modality_slugs) then 1 else 0 end) | (case when 'deep-tissue' = any(modality_slugs) then 2 else 0 end) | (case when 'myofascial-release' = any(modality_slugs) then 4 else 0 end) | (case when 'medical-massage' = any(modality_slugs) then 8 else 0 end) | (case when 'trigger-point-therapy' = any(modality_slugs) then 16 else 0 end) | (case when 'neuromuscular-therapy' = any(modality_slugs) then 32 else 0 end) | (case when 'sports-massage' = any(modality_slugs) then 64 else 0 end) | (case when 'prenatal-massage' = any(modality_slugs) then 128 else 0 end) | (case when 'hot-stone' = any(modality_slugs) then 256 else 0 end) | (case when 'thai-massage' = any(modality_slugs) then 512 else 0 end) | (case when 'shiatsu' = any(modality_slugs) then 1024 else 0 end) | (case when 'reflexology' = any(modality_slugs) then 2048 else 0 end) | (case when 'cupping' = any(modality_slugs) then 4096 else 0 end) | (case when 'craniosacral-therapy' = any(modality_slugs) then 8192 else 0 end) | (case when 'lymphatic-drainage' = any(modality_slugs) then 16384 else 0 end)) STORED NOT NULL;--> statement-breakpoint

-- The search's indexes carry the filters as two integers (filter_bits, modality_bits, generated
-- above from the row's own columns: db/schema.ts FILTER_BITS and MODALITY_BITS) instead of a
-- dozen columns, and the nearest-first GiST indexes become covering (db/schema.ts
-- SEARCH_INDEX_INCLUDE): a radius search walks nearest first and tests every yes/no filter, the
-- modalities and the price on the index entry alone (an index-only scan once the table is
-- vacuumed), reading the table only for the page's own rows. drizzle-kit cannot express INCLUDE;
-- db/schema.ts declares the same keys and predicates.
DROP INDEX IF EXISTS "therapists_earth_published_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_published_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE "therapists"."published";--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_score0_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_score0_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = 0);--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_score1_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_score1_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = 1);--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_score2_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_score2_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = 2);--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_score3_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_score3_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = 3);--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_score4_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_score4_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = 4);--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_score5_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_score5_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = 5);--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_score6_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_score6_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = 6);--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_earth_unclaimed_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_unclaimed_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE ("therapists"."published" and "therapists"."criteria_score" = -1);--> statement-breakpoint
-- The 1-in-16 sample (migrations 0006, 0018): the bits, the price, and the columns of the rarer
-- filters (plan, language, gender, name), so that every count is estimated from the index alone.
DROP INDEX IF EXISTS "therapists_earth_sample_idx";--> statement-breakpoint
CREATE INDEX "therapists_earth_sample_idx" ON "therapists" USING gist ("earth")
  INCLUDE ("earth","state","filter_bits","modality_bits","price_min","price_max","insurance_plans","languages","gender","display_name","practice_name")
  WHERE "therapists"."published" and (get_byte(uuid_send(id), 15) & 15) = 0;--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_state_sample_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_sample_idx" ON "therapists" USING btree ("state")
  INCLUDE ("filter_bits","modality_bits","price_min","price_max","insurance_plans","languages","gender","display_name","practice_name")
  WHERE "therapists"."published" and (get_byte(uuid_send(id), 15) & 15) = 0;--> statement-breakpoint
-- The whole-state walks (migrations 0007, 0009): the same, in their order, and the name itself
-- (an index-only scan needs the column under lower(display_name), not only the expression).
DROP INDEX IF EXISTS "therapists_state_best_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_best_idx" ON "therapists" USING btree ("state","criteria_score" DESC NULLS LAST,lower("display_name"),"id")
  INCLUDE ("display_name","filter_bits","modality_bits","price_min","price_max","insurance_plans","languages","gender")
  WHERE "therapists"."published";--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_state_name_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_name_idx" ON "therapists" USING btree ("state",lower("display_name"),"id")
  INCLUDE ("display_name","filter_bits","modality_bits","price_min","price_max","insurance_plans","languages","gender")
  WHERE "therapists"."published";
