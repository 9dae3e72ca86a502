CREATE TYPE "public"."proof_credential" AS ENUM('license', 'ncbtmb', 'school', 'associations');--> statement-breakpoint
CREATE TABLE "credential_proofs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"credential" "proof_credential" NOT NULL,
	"license_id" uuid,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credential_proofs_license_kind" CHECK (("credential_proofs"."credential" = 'license') = ("credential_proofs"."license_id" is not null)),
	CONSTRAINT "credential_proofs_type" CHECK ("credential_proofs"."mime_type" in ('application/pdf', 'image/png', 'image/jpeg')),
	CONSTRAINT "credential_proofs_size" CHECK ("credential_proofs"."byte_size" between 1 and 5242880 and octet_length("credential_proofs"."data") = "credential_proofs"."byte_size")
);
--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "ncbtmb_check_source" text;--> statement-breakpoint
ALTER TABLE "credential_proofs" ADD CONSTRAINT "credential_proofs_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_proofs" ADD CONSTRAINT "credential_proofs_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_proofs" ADD CONSTRAINT "credential_proofs_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credential_proofs_therapist_idx" ON "credential_proofs" USING btree ("therapist_id","credential");--> statement-breakpoint
CREATE INDEX "credential_proofs_license_idx" ON "credential_proofs" USING btree ("license_id");