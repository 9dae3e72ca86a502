CREATE TYPE "public"."photo_kind" AS ENUM('portrait', 'practice');--> statement-breakpoint
CREATE TABLE "photo_variants" (
	"photo_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "photo_variants_photo_id_width_pk" PRIMARY KEY("photo_id","width"),
	CONSTRAINT "photo_variants_size" CHECK (octet_length("photo_variants"."data") between 1 and 2000000)
);
--> statement-breakpoint
CREATE TABLE "therapist_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"kind" "photo_kind" NOT NULL,
	"alt" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"uploaded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "therapist_photos_alt" CHECK (char_length("therapist_photos"."alt") between 3 and 200)
);
--> statement-breakpoint
ALTER TABLE "photo_variants" ADD CONSTRAINT "photo_variants_photo_id_therapist_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."therapist_photos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_photos" ADD CONSTRAINT "therapist_photos_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapist_photos" ADD CONSTRAINT "therapist_photos_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "therapist_photos_therapist_idx" ON "therapist_photos" USING btree ("therapist_id","kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "therapist_photos_one_portrait" ON "therapist_photos" USING btree ("therapist_id") WHERE "therapist_photos"."kind" = 'portrait';