CREATE TYPE "public"."claim_proof" AS ENUM('account_email', 'email_link', 'licence', 'note');--> statement-breakpoint
ALTER TABLE "listing_claims" ADD COLUMN "proof" "claim_proof";--> statement-breakpoint
ALTER TABLE "listing_claims" ADD COLUMN "licence_number" text;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD COLUMN "email_sent_to" text;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD COLUMN "email_token_hash" text;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD COLUMN "email_confirmed_at" timestamp with time zone;