CREATE TABLE "read_marks" (
	"channel_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"event_id" bigint NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "read_marks_channel_id_user_id_pk" PRIMARY KEY("channel_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "loading_animation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "mark_as_read" boolean DEFAULT false NOT NULL;