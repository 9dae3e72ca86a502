-- A name search (q) reads every entry of its place or its state through the indexes that hold
-- them, testing the name on each entry, instead of ANDing the trigram index's candidates with the
-- place's and reading each candidate's row from the table: the demo's names share their words
-- (tens of thousands of candidates for one surname nationally), and the table is 1.5 GB at
-- 1,000,000 therapists. The name tested is lower(display_name || ' ' || practice_name)
-- (db/queries/search.ts nameText): both covering indexes below add practice_name (they held
-- display_name already), and the state names' the criteria score, which a state's every match
-- sorted by best match reads (else the only index covering the search would be the bands', read
-- whole: 1,000,000 entries). docs/benchmarks.md, tenth pass: New York state, one name, four filters:
-- 53 ms through the trigram index, 19 ms through the state's names; Los Angeles, 100 miles: 38 ms
-- and 16 to 20 ms. drizzle-kit cannot express INCLUDE; db/schema.ts declares the keys and the predicates.
DROP INDEX IF EXISTS "therapists_latitude_band_idx";--> statement-breakpoint
CREATE INDEX "therapists_latitude_band_idx" ON "therapists" USING btree ((floor("latitude" * 50)::int),"longitude")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max","latitude","practice_name")
  WHERE "therapists"."published";--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_state_name_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_name_idx" ON "therapists" USING btree ("state",lower("display_name"),"id")
  INCLUDE ("display_name","filter_bits","modality_bits","price_min","price_max","insurance_plans","languages","gender","practice_name","criteria_score")
  WHERE "therapists"."published";
