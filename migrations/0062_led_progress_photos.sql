-- Photos of LED progress reports (server/modules/led, issue 17.7). Each is
-- checked and stripped of its metadata by the platform's photo piece
-- (platform/files/photo.ts: JPEG, PNG or WebP by its bytes; EXIF, GPS above
-- all, never kept) and stored as a phone-sized WebP and a thumbnail, with
-- the report it shows: removing the report or its measure removes it.
-- At most six per report (the service counts them under the measure's lock),
-- in the order they were added (position, never the clock).
-- The organisation's id is in every key and on both sides of every foreign
-- key; row-level security as every tenant table.
CREATE TABLE "led_progress_photos" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" bytea NOT NULL,
	"thumb_width" integer NOT NULL,
	"thumb_height" integer NOT NULL,
	"thumb" bytea NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_progress_photos_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
ALTER TABLE "led_progress_photos" ADD CONSTRAINT "led_progress_photos_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_progress_photos" ADD CONSTRAINT "led_progress_photos_measure_id_led_measures_id_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."led_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_progress_photos" ADD CONSTRAINT "led_progress_photos_report_id_led_progress_reports_id_fk" FOREIGN KEY ("org_id","report_id") REFERENCES "public"."led_progress_reports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "led_progress_photos_report_idx" ON "led_progress_photos" USING btree ("org_id","report_id");--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON led_progress_photos TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_progress_photos ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_progress_photos_tenant ON led_progress_photos FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
