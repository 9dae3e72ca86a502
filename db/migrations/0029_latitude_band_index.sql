-- Every entry within a radius (the exact counts, and searches with few matches, which read every
-- match and then sort them) is read through a B-tree: for each band of latitude
-- (floor(latitude x 50), db/schema.ts LATITUDE_BANDS_PER_DEGREE) one range of longitudes
-- (db/queries/radius-bounds.ts), then the exact distance. A B-tree entry costs about half what
-- an entry of the GiST box costs to read (docs/benchmarks.md, ninth pass). Covering like the GiST
-- indexes (migration 0022, db/schema.ts SEARCH_INDEX_INCLUDE), and the latitude: an index-only
-- scan needs the column under the band's expression. drizzle-kit cannot express INCLUDE;
-- db/schema.ts declares the keys and the predicates.
CREATE INDEX "therapists_latitude_band_idx" ON "therapists" USING btree ((floor("latitude" * 50)::int),"longitude")
  INCLUDE ("earth","id","display_name","state","criteria_score","filter_bits","modality_bits","price_min","price_max","latitude")
  WHERE "therapists"."published";--> statement-breakpoint
-- The 1-in-16 sample within a radius, read the same way (it replaces the sample's GiST index;
-- the same columns as 0022 gave it, for the filters the full indexes do not carry).
DROP INDEX IF EXISTS "therapists_earth_sample_idx";--> statement-breakpoint
CREATE INDEX "therapists_latitude_band_sample_idx" ON "therapists" USING btree ((floor("latitude" * 50)::int),"longitude")
  INCLUDE ("earth","latitude","state","filter_bits","modality_bits","price_min","price_max","insurance_plans","languages","gender","display_name","practice_name")
  WHERE "therapists"."published" and (get_byte(uuid_send(id), 15) & 15) = 0;
