ALTER TABLE "listing_claims" ADD COLUMN "proof_file" "bytea";--> statement-breakpoint
ALTER TABLE "listing_claims" ADD COLUMN "proof_file_name" text;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD COLUMN "proof_mime_type" text;--> statement-breakpoint
ALTER TABLE "listing_claims" ADD CONSTRAINT "listing_claims_proof_file" CHECK ("listing_claims"."proof_file" is null or ("listing_claims"."proof_mime_type" in ('application/pdf', 'image/png', 'image/jpeg') and octet_length("listing_claims"."proof_file") between 1 and 5242880 and "listing_claims"."proof_file_name" is not null));