-- The LED roll-up's map (server/modules/led, issue 17.9): each organisation
-- uploads one boundary file (GeoJSON, checked by led/geojson.ts before it is
-- stored) and says which property of its features names a region. The map is
-- drawn in the browser from it: no tile server, works offline. One file per
-- organisation (led_boundaries_org_key); row-level security as every tenant table.
CREATE TABLE "led_boundaries" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"geojson" text NOT NULL,
	"property" text NOT NULL,
	"feature_count" integer NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_boundaries_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
ALTER TABLE "led_boundaries" ADD CONSTRAINT "led_boundaries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "led_boundaries_org_key" ON "led_boundaries" USING btree ("org_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON led_boundaries TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_boundaries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_boundaries_tenant ON led_boundaries FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
