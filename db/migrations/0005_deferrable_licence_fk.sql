-- Lets a bulk load write a chunk's licences before their therapists (SET CONSTRAINTS ...
-- DEFERRED; checked at commit), so each therapist's derived columns are right on insert
-- instead of being rewritten by the licence trigger. Ordinary writes still check at once.
ALTER TABLE "licenses" ALTER CONSTRAINT "licenses_therapist_id_therapists_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
