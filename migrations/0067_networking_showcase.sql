-- The showcase of local products (server/modules/networking, issue 18.1): a
-- product of a member firm or of a producer group named by text, its origin
-- (place as people say it, region code), a rating on the organisation's quality
-- scale (networking_settings.quality_scale: a name and one label per level, 1–5
-- levels, e.g. One-Village-One-Product stars) with who rated it and when, and
-- up to six photos kept by the platform's photo piece (platform/files/photo.ts:
-- checked by their bytes, stored without metadata as a WebP and a thumbnail).
-- Public (the directory's showcase page, its photos) only while published.
-- The organisation's id is in every key and on both sides of every foreign
-- key; row-level security as every tenant table.
CREATE TABLE "networking_products" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid,
	"producer_group" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"hs_code" text DEFAULT '' NOT NULL,
	"origin_place" text DEFAULT '' NOT NULL,
	"origin_region" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"rating" integer,
	"rated_by" text,
	"rated_at" timestamp (3) with time zone,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networking_products_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "networking_products_state_check" CHECK ("networking_products"."state" IN ('draft', 'submitted', 'returned', 'published', 'unpublished')),
	CONSTRAINT "networking_products_producer_check" CHECK ("networking_products"."member_id" IS NOT NULL OR "networking_products"."producer_group" <> ''),
	CONSTRAINT "networking_products_rating_check" CHECK ("networking_products"."rating" IS NULL OR "networking_products"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "networking_product_photos" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
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
	CONSTRAINT "networking_product_photos_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
ALTER TABLE "networking_settings" ADD COLUMN "quality_scale" jsonb;--> statement-breakpoint
ALTER TABLE "networking_products" ADD CONSTRAINT "networking_products_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_products" ADD CONSTRAINT "networking_products_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_product_photos" ADD CONSTRAINT "networking_product_photos_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networking_product_photos" ADD CONSTRAINT "networking_product_photos_product_id_networking_products_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."networking_products"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "networking_products_state_idx" ON "networking_products" USING btree ("org_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "networking_products_member_idx" ON "networking_products" USING btree ("org_id","member_id");--> statement-breakpoint
CREATE INDEX "networking_product_photos_product_idx" ON "networking_product_photos" USING btree ("org_id","product_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON networking_products TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON networking_product_photos TO roundtable_app;
--> statement-breakpoint
ALTER TABLE networking_products ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_products_tenant ON networking_products FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE networking_product_photos ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networking_product_photos_tenant ON networking_product_photos FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
