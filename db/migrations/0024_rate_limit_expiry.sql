-- Each rate-limit window records when it ends, and old rows are cleared by that end. Before, a
-- key's first hit cleared every row older than twice its own window, so a short window (an hour
-- for a sender's messages) wiped longer ones still running (a listing's daily message limit).
-- Rows already here get the longest window in use (a day) from their start.
ALTER TABLE "rate_limits" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "rate_limits" SET "expires_at" = "window_start" + interval '1 day';--> statement-breakpoint
ALTER TABLE "rate_limits" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");
