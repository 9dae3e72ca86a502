CREATE TYPE "public"."credential_check_status" AS ENUM('self_reported', 'checked', 'unconfirmed');--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "school_check" "credential_check_status" DEFAULT 'self_reported' NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "school_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "school_checked_by_id" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "school_check_source" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "associations_check" "credential_check_status" DEFAULT 'self_reported' NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "associations_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "associations_checked_by_id" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "associations_check_source" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "home_license_claimed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_school_checked_by_id_users_id_fk" FOREIGN KEY ("school_checked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_associations_checked_by_id_users_id_fk" FOREIGN KEY ("associations_checked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_school_check_stated" CHECK ("therapists"."school_check" <> 'checked' or ("therapists"."school_accredited" and "therapists"."school_name" is not null));--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_associations_check_stated" CHECK ("therapists"."associations_check" <> 'checked' or cardinality("therapists"."associations") > 0);--> statement-breakpoint
-- Only checked credentials count (issue 13). therapists.home_license_claimed is derived like
-- home_license_checked (migration 0004) but also counts a home licence that is self-reported
-- (not yet checked with the board), for searches that include self-reported credentials.
-- A licence the board showed expired, under disciplinary action or not found never counts.
CREATE OR REPLACE FUNCTION therapist_home_license_claimed(tid uuid, st char(2)) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM licenses l WHERE l.therapist_id = tid AND l.state = st
                   AND (l.verified_at IS NULL OR l.status = 'active'))
     AND NOT EXISTS (SELECT 1 FROM licenses l WHERE l.therapist_id = tid AND l.state = st
                   AND l.status IN ('expired', 'disciplinary_action') AND l.verified_at IS NOT NULL)
$$;--> statement-breakpoint
-- criteria_score: the credentials criterion is met only by a checked credential: NCBTMB
-- verified, the school's accreditation checked, or association membership checked.
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
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION licenses_refresh_therapists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE therapists t SET home_license_checked = therapist_home_license_checked(t.id, t.state),
                          home_license_claimed = therapist_home_license_claimed(t.id, t.state)
  WHERE t.id IN (SELECT DISTINCT therapist_id FROM changed);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Existing rows: recompute (the BEFORE UPDATE trigger sets criteria_score).
UPDATE therapists SET home_license_claimed = therapist_home_license_claimed(id, state);--> statement-breakpoint
-- The covering state walks (migration 0007) also carry the new filter columns.
DROP INDEX IF EXISTS "therapists_state_best_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_best_idx" ON "therapists" USING btree ("state","criteria_score" DESC NULLS LAST,lower("display_name"),"id")
  INCLUDE ("modality_slugs","sciatica_experience","home_license_checked","home_license_claimed","ncbtmb_status","accepts_insurance","insurance_plans","accepts_physician_referrals","school_accredited","school_check","associations","associations_check","accepting_new_clients","in_clinic","mobile")
  WHERE "therapists"."published";--> statement-breakpoint
DROP INDEX IF EXISTS "therapists_state_name_idx";--> statement-breakpoint
CREATE INDEX "therapists_state_name_idx" ON "therapists" USING btree ("state",lower("display_name"),"id")
  INCLUDE ("modality_slugs","sciatica_experience","home_license_checked","home_license_claimed","ncbtmb_status","accepts_insurance","insurance_plans","accepts_physician_referrals","school_accredited","school_check","associations","associations_check","accepting_new_clients","in_clinic","mobile")
  WHERE "therapists"."published";
