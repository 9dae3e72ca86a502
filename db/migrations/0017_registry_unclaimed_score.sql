-- Imported registry listings nobody has claimed rank below every claimed listing in best match:
-- the trigger of migrations 0004/0009 gives them criteria_score -1 (claiming sets owner_id, and
-- the same trigger then counts the criteria as for any listing).
CREATE OR REPLACE FUNCTION therapists_set_derived() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
    -- Both standings from one read of the home-state licences (the same answers as
    -- therapist_home_license_checked and therapist_home_license_claimed): bulk loads run this per row.
    SELECT coalesce(bool_or(l.status = 'active' AND l.verified_at IS NOT NULL), false) AND NOT coalesce(bool_or(bad), false),
           coalesce(bool_or(l.verified_at IS NULL OR l.status = 'active'), false) AND NOT coalesce(bool_or(bad), false)
      INTO NEW.home_license_checked, NEW.home_license_claimed
      FROM licenses l, LATERAL (SELECT l.status IN ('expired', 'disciplinary_action') AND l.verified_at IS NOT NULL AS bad) b
     WHERE l.therapist_id = NEW.id AND l.state = NEW.state;
  END IF;
  NEW.criteria_score :=
      NEW.accepts_physician_referrals::int
    + (NEW.school_name IS NOT NULL AND length(regexp_replace(NEW.bio, '^\s+|\s+$', '', 'g')) >= 40)::int
    + (NEW.accepts_insurance OR NEW.offers_superbills)::int
    + NEW.home_license_checked::int
    + (NEW.ncbtmb_status = 'verified' OR NEW.school_check = 'checked' OR NEW.associations_check = 'checked')::int
    + (NEW.sciatica_experience <> 'none'
       AND (NEW.modality_slugs @> ARRAY['deep-tissue'])::int
         + (NEW.modality_slugs @> ARRAY['myofascial-release'])::int
         + (NEW.modality_slugs @> ARRAY['swedish'])::int >= 2)::int;
  -- An imported registry listing nobody has claimed: below every claimed listing (schema.ts
  -- UNCLAIMED_REGISTRY_SCORE), read by its own nearest-first index (therapists_earth_unclaimed_idx).
  IF NEW.npi IS NOT NULL AND NEW.owner_id IS NULL THEN
    NEW.criteria_score := -1;
  END IF;
  RETURN NEW;
END
$$;
