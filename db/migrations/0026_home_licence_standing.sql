-- A therapist's home-state licence standing (checked, claimed) in one SQL function, from one
-- read of their home-state licences. Before, the derived-columns trigger read them once with its
-- own copy of the rules, while therapist_home_license_checked and _claimed (read by the licences'
-- refresh trigger and the bulk loader's check) read them twice each. Now every reader uses this:
-- one home for the rules, and the bulk loader's check reads each therapist's licences once.
-- The answers are the same: a standing needs a licence of that kind (checked: active and
-- checked with the board; claimed: active, or not yet checked) and no licence the board found
-- expired or disciplined.
CREATE FUNCTION therapist_home_license_standing(tid uuid, st char(2), OUT checked boolean, OUT claimed boolean)
LANGUAGE sql STABLE AS $$
  SELECT coalesce(bool_or(l.status = 'active' AND l.verified_at IS NOT NULL), false) AND NOT coalesce(bool_or(b.bad), false),
         coalesce(bool_or(l.verified_at IS NULL OR l.status = 'active'), false) AND NOT coalesce(bool_or(b.bad), false)
    FROM licenses l, LATERAL (SELECT l.status IN ('expired', 'disciplinary_action') AND l.verified_at IS NOT NULL AS bad) b
   WHERE l.therapist_id = tid AND l.state = st
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION therapist_home_license_checked(tid uuid, st char(2)) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT checked FROM therapist_home_license_standing(tid, st) $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION therapist_home_license_claimed(tid uuid, st char(2)) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT claimed FROM therapist_home_license_standing(tid, st) $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION therapists_set_derived() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
    SELECT s.checked, s.claimed INTO NEW.home_license_checked, NEW.home_license_claimed
      FROM therapist_home_license_standing(NEW.id, NEW.state) s;
  END IF;
  NEW.criteria_score := therapist_criteria_score(NEW);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION licenses_refresh_therapists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE therapists t SET (home_license_checked, home_license_claimed) =
         (SELECT s.checked, s.claimed FROM therapist_home_license_standing(t.id, t.state) s)
  WHERE t.id IN (SELECT DISTINCT therapist_id FROM changed);
  RETURN NULL;
END
$$;
