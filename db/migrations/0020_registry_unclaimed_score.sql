-- Imported registry listings nobody has claimed rank below every claimed listing in best match:
-- criteria_score -1 (schema.ts UNCLAIMED_REGISTRY_SCORE), read by its own nearest-first index
-- (therapists_earth_unclaimed_idx). The rule lives in the score's one SQL home, which the
-- derived-columns trigger calls on every write and the bulk loader's set-based check compares
-- with (migration 0017); claiming sets owner_id, and the same function then counts the criteria.
CREATE OR REPLACE FUNCTION therapist_criteria_score(t therapists) RETURNS smallint
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN t.npi IS NOT NULL AND t.owner_id IS NULL THEN -1 ELSE
    (t.accepts_physician_referrals::int
    + (t.school_name IS NOT NULL AND length(regexp_replace(t.bio, '^\s+|\s+$', '', 'g')) >= 40)::int
    + (t.accepts_insurance OR t.offers_superbills)::int
    + t.home_license_checked::int
    + (t.ncbtmb_status = 'verified' OR t.school_check = 'checked' OR t.associations_check = 'checked')::int
    + (t.sciatica_experience <> 'none'
       AND (t.modality_slugs @> ARRAY['deep-tissue'])::int
         + (t.modality_slugs @> ARRAY['myofascial-release'])::int
         + (t.modality_slugs @> ARRAY['swedish'])::int >= 2)::int)
  END::smallint
$$;
