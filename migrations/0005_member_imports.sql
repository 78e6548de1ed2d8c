CREATE TABLE "member_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"merged" integer NOT NULL,
	"skipped" integer NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "member_imports" ADD CONSTRAINT "member_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_imports_org_idx" ON "member_imports" USING btree ("org_id","created_at");--> statement-breakpoint
GRANT SELECT, INSERT ON member_imports TO roundtable_app;
--> statement-breakpoint
ALTER TABLE member_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_imports_tenant ON member_imports FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
