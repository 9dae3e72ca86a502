-- therapists.home_license_checked and therapists.criteria_score are derived, and kept right
-- by the database itself whatever writes the rows (the app, the seed, an administrator's SQL).
-- criteria_score counts the six selection criteria exactly as lib/criteria.ts evaluates them;
-- tests/integration/search.test.ts checks the two agree.
CREATE OR REPLACE FUNCTION therapist_home_license_checked(tid uuid, st char(2)) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM licenses l WHERE l.therapist_id = tid AND l.state = st
                   AND l.status = 'active' AND l.verified_at IS NOT NULL)
     AND NOT EXISTS (SELECT 1 FROM licenses l WHERE l.therapist_id = tid AND l.state = st
                   AND l.status IN ('expired', 'disciplinary_action') AND l.verified_at IS NOT NULL)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION therapists_set_derived() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
    NEW.home_license_checked := therapist_home_license_checked(NEW.id, NEW.state);
  END IF;
  NEW.criteria_score :=
      NEW.accepts_physician_referrals::int
    + (NEW.school_name IS NOT NULL AND length(regexp_replace(NEW.bio, '^\s+|\s+$', '', 'g')) >= 40)::int
    + (NEW.accepts_insurance OR NEW.offers_superbills)::int
    + NEW.home_license_checked::int
    + (NEW.ncbtmb_status IN ('verified', 'self_reported') OR NEW.school_accredited OR cardinality(NEW.associations) > 0)::int
    + (NEW.sciatica_experience <> 'none'
       AND (NEW.modality_slugs @> ARRAY['deep-tissue'])::int
         + (NEW.modality_slugs @> ARRAY['myofascial-release'])::int
         + (NEW.modality_slugs @> ARRAY['swedish'])::int >= 2)::int;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER therapists_derived BEFORE INSERT OR UPDATE ON therapists
  FOR EACH ROW EXECUTE FUNCTION therapists_set_derived();--> statement-breakpoint
CREATE OR REPLACE FUNCTION licenses_refresh_therapists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE therapists t SET home_license_checked = therapist_home_license_checked(t.id, t.state)
  WHERE t.id IN (SELECT DISTINCT therapist_id FROM changed);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER licenses_after_insert AFTER INSERT ON licenses
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licenses_refresh_therapists();--> statement-breakpoint
CREATE TRIGGER licenses_after_update AFTER UPDATE ON licenses
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licenses_refresh_therapists();--> statement-breakpoint
CREATE TRIGGER licenses_after_delete AFTER DELETE ON licenses
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licenses_refresh_therapists();--> statement-breakpoint
-- Existing rows: recompute both (the BEFORE UPDATE trigger sets criteria_score).
UPDATE therapists SET home_license_checked = therapist_home_license_checked(id, state);--> statement-breakpoint
-- The sitemap pages through published slugs (and their last update) in order.
CREATE INDEX therapists_published_slug_idx ON therapists (slug) INCLUDE (updated_at) WHERE published;
