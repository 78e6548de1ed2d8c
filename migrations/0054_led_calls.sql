-- Calls for LED measures (server/modules/led, issue 17.5): a call for one or more
-- LED regions with a budget (minor units of the organisation's currency), a
-- deadline day and weighted criteria (defaults: the five LED principles and four
-- more, written by the service with each call), and the applications to it,
-- entered by staff or by a partner on the call's public link. The partner's
-- resume link is kept as its SHA-256, never the token. member_ids holds the member
-- firms among an application's lead and partners (kept by the service) so the
-- rating (17.6) can find a reviewer's conflicts of interest. Member firms are named by
-- id without a foreign key (the module's second tables file may not name members'
-- table); a firm removed since is not found by members' firmNames.
-- The organisation's id is in every key and on both sides of every foreign key.
CREATE TABLE "led_calls" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"budget" bigint DEFAULT 0 NOT NULL,
	"deadline_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_calls_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_calls_status_check" CHECK ("led_calls"."status" IN ('draft', 'open', 'closed', 'selected')),
	CONSTRAINT "led_calls_budget_check" CHECK ("led_calls"."budget" >= 0)
);
--> statement-breakpoint
CREATE TABLE "led_call_regions" (
	"org_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	CONSTRAINT "led_call_regions_pkey" PRIMARY KEY("call_id","region_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "led_call_criteria" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_call_criteria_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_call_criteria_weight_check" CHECK ("led_call_criteria"."weight" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "led_applications" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"lead_name" text NOT NULL,
	"lead_sector" text NOT NULL,
	"lead_email" text NOT NULL,
	"lead_member_id" uuid,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"bottleneck_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"activities" text DEFAULT '' NOT NULL,
	"budget_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_total" bigint DEFAULT 0 NOT NULL,
	"cofunding_total" bigint DEFAULT 0 NOT NULL,
	"expected_results" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"entered_by" text NOT NULL,
	"resume_token_hash" text,
	"resume_expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_applications_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_applications_status_check" CHECK ("led_applications"."status" IN ('draft', 'submitted', 'withdrawn')),
	CONSTRAINT "led_applications_lead_sector_check" CHECK ("led_applications"."lead_sector" IN ('private', 'public', 'semi_public')),
	CONSTRAINT "led_applications_entered_by_check" CHECK ("led_applications"."entered_by" IN ('partner', 'staff')),
	CONSTRAINT "led_applications_totals_check" CHECK ("led_applications"."requested_total" >= 0 AND "led_applications"."cofunding_total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "led_calls" ADD CONSTRAINT "led_calls_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_call_regions" ADD CONSTRAINT "led_call_regions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_call_regions" ADD CONSTRAINT "led_call_regions_call_id_led_calls_id_fk" FOREIGN KEY ("org_id","call_id") REFERENCES "public"."led_calls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_call_regions" ADD CONSTRAINT "led_call_regions_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_call_criteria" ADD CONSTRAINT "led_call_criteria_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_call_criteria" ADD CONSTRAINT "led_call_criteria_call_id_led_calls_id_fk" FOREIGN KEY ("org_id","call_id") REFERENCES "public"."led_calls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_applications" ADD CONSTRAINT "led_applications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_applications" ADD CONSTRAINT "led_applications_call_id_led_calls_id_fk" FOREIGN KEY ("org_id","call_id") REFERENCES "public"."led_calls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_applications" ADD CONSTRAINT "led_applications_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "led_call_regions_region_idx" ON "led_call_regions" USING btree ("org_id","region_id");--> statement-breakpoint
-- Criteria keys are unique per call; a resume link's hash is unique with its organisation (looked up by the hash alone).
CREATE UNIQUE INDEX "led_call_criteria_key" ON "led_call_criteria" USING btree ("call_id","key","org_id");--> statement-breakpoint
CREATE INDEX "led_applications_call_idx" ON "led_applications" USING btree ("org_id","call_id");--> statement-breakpoint
CREATE INDEX "led_applications_member_ids_idx" ON "led_applications" USING gin ("member_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "led_applications_resume_token_key" ON "led_applications" USING btree ("resume_token_hash","org_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON led_calls, led_call_regions, led_call_criteria, led_applications TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_calls ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_calls_tenant ON led_calls FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_call_regions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_call_regions_tenant ON led_call_regions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_call_criteria ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_call_criteria_tenant ON led_call_criteria FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_applications_tenant ON led_applications FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
