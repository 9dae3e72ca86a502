DROP INDEX IF EXISTS "therapists_earth_idx";--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "earth" "cube" GENERATED ALWAYS AS (ll_to_earth(latitude, longitude)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "therapists_earth_published_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published";--> statement-breakpoint
CREATE INDEX "therapists_earth_score0_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = 0;--> statement-breakpoint
CREATE INDEX "therapists_earth_score1_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = 1;--> statement-breakpoint
CREATE INDEX "therapists_earth_score2_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = 2;--> statement-breakpoint
CREATE INDEX "therapists_earth_score3_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = 3;--> statement-breakpoint
CREATE INDEX "therapists_earth_score4_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = 4;--> statement-breakpoint
CREATE INDEX "therapists_earth_score5_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = 5;--> statement-breakpoint
CREATE INDEX "therapists_earth_score6_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and "therapists"."criteria_score" = 6;--> statement-breakpoint
CREATE INDEX "therapists_earth_sample_idx" ON "therapists" USING gist ("earth") WHERE "therapists"."published" and (get_byte(uuid_send(id), 15) & 15) = 0;--> statement-breakpoint
CREATE INDEX "therapists_state_sample_idx" ON "therapists" USING btree ("state") WHERE "therapists"."published" and (get_byte(uuid_send(id), 15) & 15) = 0;