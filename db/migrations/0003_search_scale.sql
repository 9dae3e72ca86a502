ALTER TABLE "therapists" ADD COLUMN "home_license_checked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "criteria_score" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "therapists_state_best_idx" ON "therapists" USING btree ("state","criteria_score" DESC NULLS LAST,lower("display_name"),"id") WHERE "therapists"."published";--> statement-breakpoint
CREATE INDEX "therapists_state_name_idx" ON "therapists" USING btree ("state",lower("display_name"),"id") WHERE "therapists"."published";--> statement-breakpoint
CREATE INDEX "therapists_best_idx" ON "therapists" USING btree ("criteria_score" DESC NULLS LAST,lower("display_name"),"id") WHERE "therapists"."published";