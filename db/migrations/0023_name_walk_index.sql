-- "By name" near a place where many therapists match: walking names in order and testing the
-- place and the filters on each entry stops after the page, where reading every match in the
-- radius (tens of thousands in a big city) and sorting them does not (db/queries/search.ts,
-- pageIds). Covering like the GiST indexes of migration 0022 (db/schema.ts SEARCH_INDEX_INCLUDE);
-- drizzle-kit cannot express INCLUDE, db/schema.ts declares the key.
CREATE INDEX "therapists_name_idx" ON "therapists" USING btree (lower("display_name"),"id")
  INCLUDE ("display_name","earth","state","criteria_score","filter_bits","modality_bits","price_min","price_max")
  WHERE "therapists"."published";
