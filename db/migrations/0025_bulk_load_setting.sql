-- A bulk load (db/bulk-insert.ts, copyTherapistText) writes the derived columns itself and then
-- checks every row against the database's own formulas; these two triggers would only repeat
-- that work row by row. It skipped them with ALTER TABLE ... DISABLE TRIGGER, whose lock (SHARE
-- ROW EXCLUSIVE on the table) let one loading transaction run at a time and made every other
-- writer wait. Now the load sets therapist_finder.bulk_load for its own transaction
-- (set_config(..., true)), which no other session sees, and the triggers skip only then. Only
-- the bulk loader sets it; it turns it off again before its check, whose corrections go
-- through the triggers.
DROP TRIGGER "therapists_derived" ON "therapists";--> statement-breakpoint
CREATE TRIGGER "therapists_derived" BEFORE INSERT OR UPDATE ON "therapists"
  FOR EACH ROW WHEN (current_setting('therapist_finder.bulk_load', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION therapists_set_derived();--> statement-breakpoint
DROP TRIGGER "licenses_after_insert" ON "licenses";--> statement-breakpoint
CREATE TRIGGER "licenses_after_insert" AFTER INSERT ON "licenses"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  WHEN (current_setting('therapist_finder.bulk_load', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION licenses_refresh_therapists();
