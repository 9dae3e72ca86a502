-- The criteria score's formula in one SQL function, read by the derived-columns trigger (every
-- ordinary write) and by the bulk loader's set-based check (db/bulk-insert.ts), which writes the
-- derived columns itself with the per-row trigger off and then compares them with this.
CREATE OR REPLACE FUNCTION therapist_criteria_score(t therapists) RETURNS smallint
LANGUAGE sql STABLE AS $$
  SELECT (t.accepts_physician_referrals::int
    + (t.school_name IS NOT NULL AND length(regexp_replace(t.bio, '^\s+|\s+$', '', 'g')) >= 40)::int
    + (t.accepts_insurance OR t.offers_superbills)::int
    + t.home_license_checked::int
    + (t.ncbtmb_status = 'verified' OR t.school_check = 'checked' OR t.associations_check = 'checked')::int
    + (t.sciatica_experience <> 'none'
       AND (t.modality_slugs @> ARRAY['deep-tissue'])::int
         + (t.modality_slugs @> ARRAY['myofascial-release'])::int
         + (t.modality_slugs @> ARRAY['swedish'])::int >= 2)::int)::smallint
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION therapists_set_derived() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
    -- Both standings from one read of the home-state licences (the same answers as
    -- therapist_home_license_checked and therapist_home_license_claimed).
    SELECT coalesce(bool_or(l.status = 'active' AND l.verified_at IS NOT NULL), false) AND NOT coalesce(bool_or(bad), false),
           coalesce(bool_or(l.verified_at IS NULL OR l.status = 'active'), false) AND NOT coalesce(bool_or(bad), false)
      INTO NEW.home_license_checked, NEW.home_license_claimed
      FROM licenses l, LATERAL (SELECT l.status IN ('expired', 'disciplinary_action') AND l.verified_at IS NOT NULL AS bad) b
     WHERE l.therapist_id = NEW.id AND l.state = NEW.state;
  END IF;
  NEW.criteria_score := therapist_criteria_score(NEW);
  RETURN NEW;
END
$$;
