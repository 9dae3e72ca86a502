CREATE TYPE "public"."license_status" AS ENUM('active', 'expired', 'disciplinary_action', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."ncbtmb_status" AS ENUM('not_certified', 'self_reported', 'verified', 'lapsed');--> statement-breakpoint
CREATE TYPE "public"."sciatica_experience" AS ENUM('none', 'some', 'extensive');--> statement-breakpoint
CREATE TYPE "public"."state_regulation" AS ENUM('license', 'registration', 'certification', 'voluntary_certification', 'none');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('therapist', 'admin');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"number" text NOT NULL,
	"credential_title" text NOT NULL,
	"status" "license_status" DEFAULT 'unknown' NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by_id" text,
	"source" text DEFAULT 'self-reported' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "modalities" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"what_to_expect" text NOT NULL,
	"sort_order" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"therapist_id" uuid NOT NULL,
	"user_id" text,
	"version" integer NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state_licensing" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"regulation" "state_regulation" NOT NULL,
	"credential_titles" text[] NOT NULL,
	"board_name" text,
	"board_url" text,
	"lookup_url" text,
	"min_training_hours" integer,
	"exams" text[],
	"continuing_education" text,
	"local_licensing" text,
	"patient_note" text NOT NULL,
	"unknown_fields" text[] NOT NULL,
	"confidence" text NOT NULL,
	"sources" jsonb NOT NULL,
	"last_reviewed" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "therapist_modalities" (
	"therapist_id" uuid NOT NULL,
	"modality_slug" text NOT NULL,
	CONSTRAINT "therapist_modalities_therapist_id_modality_slug_pk" PRIMARY KEY("therapist_id","modality_slug")
);
--> statement-breakpoint
CREATE TABLE "therapists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"display_name" text NOT NULL,
	"practice_name" text,
	"bio" text DEFAULT '' NOT NULL,
	"phone" text,
	"email" text,
	"website" text,
	"address_line" text,
	"city" text NOT NULL,
	"state" char(2) NOT NULL,
	"zip" char(5) NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"in_clinic" boolean DEFAULT true NOT NULL,
	"mobile" boolean DEFAULT false NOT NULL,
	"accepting_new_clients" boolean DEFAULT true NOT NULL,
	"years_in_practice" smallint,
	"sciatica_experience" "sciatica_experience" DEFAULT 'none' NOT NULL,
	"sciatica_description" text,
	"accepts_physician_referrals" boolean DEFAULT false NOT NULL,
	"accepts_insurance" boolean DEFAULT false NOT NULL,
	"insurance_plans" text[] DEFAULT '{}'::text[] NOT NULL,
	"offers_superbills" boolean DEFAULT false NOT NULL,
	"accepts_hsa_fsa" boolean DEFAULT false NOT NULL,
	"price_min" smallint,
	"price_max" smallint,
	"languages" text[] DEFAULT '{English}'::text[] NOT NULL,
	"wheelchair_accessible" boolean DEFAULT false NOT NULL,
	"accessibility_notes" text,
	"school_name" text,
	"school_accredited" boolean DEFAULT false NOT NULL,
	"associations" text[] DEFAULT '{}'::text[] NOT NULL,
	"ncbtmb_status" "ncbtmb_status" DEFAULT 'not_certified' NOT NULL,
	"ncbtmb_number" text,
	"ncbtmb_verified_at" timestamp with time zone,
	"modality_slugs" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"owner_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapists_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"email_verified" timestamp with time zone,
	"image" text,
	"role" "user_role" DEFAULT 'therapist' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_verified_by_id_users_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_revisions" ADD CONSTRAINT "profile_revisions_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_revisions" ADD CONSTRAINT "profile_revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_modalities" ADD CONSTRAINT "therapist_modalities_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_modalities" ADD CONSTRAINT "therapist_modalities_modality_slug_modalities_slug_fk" FOREIGN KEY ("modality_slug") REFERENCES "public"."modalities"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "licenses_therapist_idx" ON "licenses" USING btree ("therapist_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_therapist_state_number_idx" ON "licenses" USING btree ("therapist_id","state","number");--> statement-breakpoint
CREATE INDEX "licenses_unverified_idx" ON "licenses" USING btree ("created_at") WHERE "licenses"."verified_at" is null;--> statement-breakpoint
CREATE INDEX "profile_revisions_therapist_idx" ON "profile_revisions" USING btree ("therapist_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "therapist_modalities_slug_idx" ON "therapist_modalities" USING btree ("modality_slug");--> statement-breakpoint
CREATE INDEX "therapists_earth_idx" ON "therapists" USING gist (ll_to_earth("latitude", "longitude"));--> statement-breakpoint
CREATE INDEX "therapists_modalities_idx" ON "therapists" USING gin ("modality_slugs");--> statement-breakpoint
CREATE INDEX "therapists_name_trgm_idx" ON "therapists" USING gin ((lower("display_name" || ' ' || coalesce("practice_name", ''))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "therapists_state_idx" ON "therapists" USING btree ("state");--> statement-breakpoint
CREATE INDEX "therapists_owner_idx" ON "therapists" USING btree ("owner_id");