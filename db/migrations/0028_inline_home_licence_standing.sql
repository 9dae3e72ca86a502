-- therapist_home_license_standing returns its one row as a set (an aggregate without GROUP BY
-- always gives exactly one), so that PostgreSQL inlines it into the statement that calls it.
-- A function returning a single record is not inlined: each call started an executor for its
-- statement again, and the bulk loader's check calls it for every therapist loaded (a sixth of the
-- server's time in a demo seed, `perf`: docs/benchmarks.md, eighth pass). The rules and the
-- answers are 0026's, unchanged; its callers read it the same way (SELECT ... FROM it).
DROP FUNCTION therapist_home_license_standing(uuid, char(2));--> statement-breakpoint
CREATE FUNCTION therapist_home_license_standing(tid uuid, st char(2)) RETURNS TABLE (checked boolean, claimed boolean)
LANGUAGE sql STABLE AS $$
  SELECT coalesce(bool_or(l.status = 'active' AND l.verified_at IS NOT NULL), false) AND NOT coalesce(bool_or(b.bad), false),
         coalesce(bool_or(l.verified_at IS NULL OR l.status = 'active'), false) AND NOT coalesce(bool_or(b.bad), false)
    FROM licenses l, LATERAL (SELECT l.status IN ('expired', 'disciplinary_action') AND l.verified_at IS NOT NULL AS bad) b
   WHERE l.therapist_id = tid AND l.state = st
$$;
