-- Local Economic Development (server/modules/led): regions (an ISO 3166-2
-- subdivision of the organisation's country or one of its districts, run by a
-- branch), their LED team and committee, key figures with source and year, the
-- locational analysis (factors assessed per year), bottlenecks and the LED
-- measures chosen for them (at most a year long). The organisation's id is in
-- every key and on both sides of every foreign key between tenant tables
-- (migration 0031).
CREATE TABLE "led_regions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"district" text,
	"branch_id" uuid,
	"narrative" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_regions_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
CREATE TABLE "led_team_members" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body" text NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"sector_kind" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"member_id" uuid,
	"contact_id" uuid,
	"decision_maker_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_team_members_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_team_members_body_check" CHECK ("led_team_members"."body" IN ('team', 'committee')),
	CONSTRAINT "led_team_members_sector_check" CHECK ("led_team_members"."sector" IN ('private', 'public', 'semi_public'))
);
--> statement-breakpoint
CREATE TABLE "led_key_figures" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"label" text NOT NULL,
	"value" numeric NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_key_figures_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_key_figures_topic_check" CHECK ("led_key_figures"."topic" IN ('population', 'employment', 'infrastructure', 'economy', 'other'))
);
--> statement-breakpoint
CREATE TABLE "led_assessments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"factor" text NOT NULL,
	"finding" text NOT NULL,
	"rating" integer NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_assessments_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_assessments_finding_check" CHECK ("led_assessments"."finding" IN ('strength', 'weakness')),
	CONSTRAINT "led_assessments_rating_check" CHECK ("led_assessments"."rating" BETWEEN -2 AND 2)
);
--> statement-breakpoint
CREATE TABLE "led_bottlenecks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"factor" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_bottlenecks_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
CREATE TABLE "led_measures" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"bottleneck_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget" bigint DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_measures_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_measures_status_check" CHECK ("led_measures"."status" IN ('planned', 'running', 'done', 'effective')),
	CONSTRAINT "led_measures_budget_check" CHECK ("led_measures"."budget" >= 0),
	CONSTRAINT "led_measures_within_a_year" CHECK ("led_measures"."ends_on" >= "led_measures"."starts_on" AND "led_measures"."ends_on" <= "led_measures"."starts_on" + interval '1 year')
);
--> statement-breakpoint
ALTER TABLE "led_regions" ADD CONSTRAINT "led_regions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_regions" ADD CONSTRAINT "led_regions_branch_id_orgs_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."orgs"("id") ON DELETE SET NULL ("branch_id");--> statement-breakpoint
ALTER TABLE "led_team_members" ADD CONSTRAINT "led_team_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_team_members" ADD CONSTRAINT "led_team_members_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The firm, its contact and the decision-maker: removing one empties that column only, the team member keeps its organisation.
ALTER TABLE "led_team_members" ADD CONSTRAINT "led_team_members_member_id_members_id_fk" FOREIGN KEY ("org_id","member_id") REFERENCES "public"."members"("org_id","id") ON DELETE SET NULL ("member_id");--> statement-breakpoint
ALTER TABLE "led_team_members" ADD CONSTRAINT "led_team_members_contact_id_member_contacts_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."member_contacts"("org_id","id") ON DELETE SET NULL ("contact_id");--> statement-breakpoint
ALTER TABLE "led_team_members" ADD CONSTRAINT "led_team_members_decision_maker_id_dm_people_id_fk" FOREIGN KEY ("org_id","decision_maker_id") REFERENCES "public"."dm_people"("org_id","id") ON DELETE SET NULL ("decision_maker_id");--> statement-breakpoint
ALTER TABLE "led_key_figures" ADD CONSTRAINT "led_key_figures_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_key_figures" ADD CONSTRAINT "led_key_figures_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_assessments" ADD CONSTRAINT "led_assessments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_assessments" ADD CONSTRAINT "led_assessments_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottlenecks" ADD CONSTRAINT "led_bottlenecks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottlenecks" ADD CONSTRAINT "led_bottlenecks_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_measures" ADD CONSTRAINT "led_measures_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_measures" ADD CONSTRAINT "led_measures_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_measures" ADD CONSTRAINT "led_measures_bottleneck_id_led_bottlenecks_id_fk" FOREIGN KEY ("org_id","bottleneck_id") REFERENCES "public"."led_bottlenecks"("org_id","id") ON DELETE SET NULL ("bottleneck_id");--> statement-breakpoint
-- One assessment per factor, region and year: a new year is a new version.
CREATE UNIQUE INDEX "led_assessments_factor_key" ON "led_assessments" USING btree ("region_id","year","factor","org_id");--> statement-breakpoint
CREATE INDEX "led_team_members_region_idx" ON "led_team_members" USING btree ("org_id","region_id");--> statement-breakpoint
CREATE INDEX "led_key_figures_region_idx" ON "led_key_figures" USING btree ("org_id","region_id");--> statement-breakpoint
CREATE INDEX "led_bottlenecks_region_idx" ON "led_bottlenecks" USING btree ("org_id","region_id");--> statement-breakpoint
CREATE INDEX "led_measures_region_idx" ON "led_measures" USING btree ("org_id","region_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON led_regions, led_team_members, led_key_figures, led_assessments, led_bottlenecks, led_measures TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_regions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_regions_tenant ON led_regions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_team_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_team_members_tenant ON led_team_members FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_key_figures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_key_figures_tenant ON led_key_figures FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_assessments_tenant ON led_assessments FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_bottlenecks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_bottlenecks_tenant ON led_bottlenecks FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_measures_tenant ON led_measures FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
