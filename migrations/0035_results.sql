-- Results and donor reporting (issue 20): frameworks of indicators, reporting
-- periods with targets, values entered by hand with their evidence, and the
-- frozen copy of an approved period's report with its checksum. Computed values
-- are not stored: they are counted from the other modules' records each time.
CREATE TABLE "results_frameworks" (
	"org_id" uuid NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"donor" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	-- IATI: the activity's identifier, the reporting organisation's, and the file last published.
	"iati_activity_id" text,
	"iati_org_ref" text,
	"iati_org_type" text,
	"iati_xml" text,
	"iati_published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_frameworks_pkey" PRIMARY KEY ("id", "org_id")
);
--> statement-breakpoint
CREATE TABLE "results_indicators" (
	"org_id" uuid NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"library" text,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"dimensions" text[] DEFAULT '{}'::text[] NOT NULL,
	"baseline" bigint,
	"baseline_year" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_indicators_pkey" PRIMARY KEY ("id", "org_id"),
	CONSTRAINT "results_indicators_framework_id_results_frameworks_id_fk" FOREIGN KEY ("org_id", "framework_id") REFERENCES "results_frameworks"("org_id", "id") ON DELETE CASCADE,
	CONSTRAINT "results_indicators_level_check" CHECK ("level" IN ('activity', 'output', 'outcome', 'impact')),
	CONSTRAINT "results_indicators_kind_check" CHECK ("kind" IN ('count', 'unique_firms', 'unique_people', 'sum', 'pooled_percentage', 'qualitative'))
);
--> statement-breakpoint
CREATE INDEX "results_indicators_framework_idx" ON "results_indicators" USING btree ("org_id", "framework_id", "position");
--> statement-breakpoint
CREATE TABLE "results_periods" (
	"org_id" uuid NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"approved_at" timestamp (3) with time zone,
	"approved_by" text,
	"frozen" jsonb,
	"checksum" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_periods_pkey" PRIMARY KEY ("id", "org_id"),
	CONSTRAINT "results_periods_framework_id_results_frameworks_id_fk" FOREIGN KEY ("org_id", "framework_id") REFERENCES "results_frameworks"("org_id", "id") ON DELETE CASCADE,
	CONSTRAINT "results_periods_state_check" CHECK ("state" IN ('draft', 'submitted', 'approved')),
	CONSTRAINT "results_periods_dates_check" CHECK ("ends_on" >= "starts_on"),
	-- An approved report is kept as reported, with its checksum.
	CONSTRAINT "results_periods_frozen_check" CHECK (("state" = 'approved') = ("frozen" IS NOT NULL AND "checksum" IS NOT NULL AND "approved_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "results_periods_framework_idx" ON "results_periods" USING btree ("org_id", "framework_id", "starts_on");
--> statement-breakpoint
CREATE TABLE "results_targets" (
	"org_id" uuid NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"indicator_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "results_targets_pkey" PRIMARY KEY ("indicator_id", "period_id", "org_id"),
	CONSTRAINT "results_targets_indicator_id_results_indicators_id_fk" FOREIGN KEY ("org_id", "indicator_id") REFERENCES "results_indicators"("org_id", "id") ON DELETE CASCADE,
	CONSTRAINT "results_targets_period_id_results_periods_id_fk" FOREIGN KEY ("org_id", "period_id") REFERENCES "results_periods"("org_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE "results_manual_values" (
	"org_id" uuid NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"cell" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"value" bigint,
	"numerator" bigint,
	"denominator" bigint,
	"text" text DEFAULT '' NOT NULL,
	"evidence" text NOT NULL,
	"entered_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_manual_values_pkey" PRIMARY KEY ("id", "org_id"),
	CONSTRAINT "results_manual_values_indicator_id_results_indicators_id_fk" FOREIGN KEY ("org_id", "indicator_id") REFERENCES "results_indicators"("org_id", "id") ON DELETE CASCADE,
	CONSTRAINT "results_manual_values_period_id_results_periods_id_fk" FOREIGN KEY ("org_id", "period_id") REFERENCES "results_periods"("org_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "results_manual_values_idx" ON "results_manual_values" USING btree ("org_id", "indicator_id", "period_id");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON results_frameworks, results_indicators, results_targets, results_manual_values TO roundtable_app;
--> statement-breakpoint
-- A period is never deleted by the app, and its frozen report never rewritten (results/period-service.ts).
GRANT SELECT, INSERT, UPDATE ON results_periods TO roundtable_app;
--> statement-breakpoint
ALTER TABLE results_frameworks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_frameworks_tenant ON results_frameworks FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE results_indicators ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_indicators_tenant ON results_indicators FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE results_periods ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_periods_tenant ON results_periods FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE results_targets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_targets_tenant ON results_targets FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE results_manual_values ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_manual_values_tenant ON results_manual_values FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
