CREATE TABLE "contact_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"sender_name" text NOT NULL,
	"sender_email" text,
	"sender_phone" text,
	"looking_for" text NOT NULL,
	"preferred_times" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_messages_reply_way" CHECK ("contact_messages"."sender_email" is not null or "contact_messages"."sender_phone" is not null)
);
--> statement-breakpoint
CREATE TABLE "listing_weekly_counts" (
	"therapist_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "listing_weekly_counts_therapist_id_week_start_pk" PRIMARY KEY("therapist_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "dev_outbox" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "dev_outbox" ADD COLUMN "body" text;--> statement-breakpoint
ALTER TABLE "therapists" ADD COLUMN "messages_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_messages" ADD CONSTRAINT "contact_messages_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_weekly_counts" ADD CONSTRAINT "listing_weekly_counts_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_messages_due_idx" ON "contact_messages" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "contact_messages_created_idx" ON "contact_messages" USING btree ("created_at");