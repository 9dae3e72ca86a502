ALTER TABLE "therapists" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "locked_by_id" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "review_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "review_request_note" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_locked_by_id_users_id_fk" FOREIGN KEY ("locked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "therapists_review_requested_idx" ON "therapists" USING btree ("review_requested_at") WHERE "therapists"."review_requested_at" is not null;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_locked_unpublished" CHECK (not ("therapists"."published" and "therapists"."locked_at" is not null));--> statement-breakpoint
-- Listings an administrator took down before the lock existed (only an administrator's unpublish carries a note) are locked now.
UPDATE "therapists" SET "locked_at" = "updated_at" WHERE "moderation_note" IS NOT NULL AND NOT "published";
