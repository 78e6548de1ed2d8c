-- LED measures carried out and followed up (server/modules/led, issue 17.7–17.8):
-- milestones, budget lines planned vs actual by funding source (minor units of the
-- organisation's currency), progress reports, the closing evaluation and the lead
-- partner's e-mail on the measure, and the follow-ups 6, 12 and 24 months after the
-- measure's end (a personal link mailed to the lead partner, stored as its hash).
-- Participants, new jobs and people with higher income are people of the people
-- module (person_participations, source 'led', kind 'measure'): no table here.
-- The organisation's id is in every key and on both sides of every foreign key.
ALTER TABLE "led_measures" ADD COLUMN "lead_email" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "led_measures" ADD COLUMN "closing_evaluation" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "led_measures" ADD COLUMN "closed_on" date;
--> statement-breakpoint
CREATE TABLE "led_milestones" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_milestones_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
CREATE TABLE "led_budget_lines" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"label" text NOT NULL,
	"source" text NOT NULL,
	"planned" bigint DEFAULT 0 NOT NULL,
	"actual" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_budget_lines_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_budget_lines_source_check" CHECK ("led_budget_lines"."source" IN ('led_fund', 'partner_cash', 'partner_in_kind', 'donor', 'other')),
	CONSTRAINT "led_budget_lines_amounts_check" CHECK ("led_budget_lines"."planned" >= 0 AND "led_budget_lines"."actual" >= 0)
);
--> statement-breakpoint
CREATE TABLE "led_progress_reports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_progress_reports_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
CREATE TABLE "led_follow_ups" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"due_on" date NOT NULL,
	"token_hash" text,
	"sent_to" text DEFAULT '' NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"answered_at" timestamp (3) with time zone,
	"answered_by" text,
	"still_effective" boolean,
	"jobs_kept" integer,
	"who_pays" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_follow_ups_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_follow_ups_months_check" CHECK ("led_follow_ups"."months" IN (6, 12, 24)),
	CONSTRAINT "led_follow_ups_answered_by_check" CHECK ("led_follow_ups"."answered_by" IS NULL OR "led_follow_ups"."answered_by" IN ('partner', 'staff')),
	CONSTRAINT "led_follow_ups_jobs_kept_check" CHECK ("led_follow_ups"."jobs_kept" IS NULL OR "led_follow_ups"."jobs_kept" >= 0)
);
--> statement-breakpoint
ALTER TABLE "led_milestones" ADD CONSTRAINT "led_milestones_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_milestones" ADD CONSTRAINT "led_milestones_measure_id_led_measures_id_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."led_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_budget_lines" ADD CONSTRAINT "led_budget_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_budget_lines" ADD CONSTRAINT "led_budget_lines_measure_id_led_measures_id_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."led_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_progress_reports" ADD CONSTRAINT "led_progress_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_progress_reports" ADD CONSTRAINT "led_progress_reports_measure_id_led_measures_id_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."led_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_follow_ups" ADD CONSTRAINT "led_follow_ups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_follow_ups" ADD CONSTRAINT "led_follow_ups_measure_id_led_measures_id_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."led_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "led_milestones_measure_idx" ON "led_milestones" USING btree ("org_id","measure_id");--> statement-breakpoint
CREATE INDEX "led_budget_lines_measure_idx" ON "led_budget_lines" USING btree ("org_id","measure_id");--> statement-breakpoint
CREATE INDEX "led_progress_reports_measure_idx" ON "led_progress_reports" USING btree ("org_id","measure_id");--> statement-breakpoint
-- One follow-up per measure and interval; a link's token is unique with its organisation (looked up by the hash alone).
CREATE UNIQUE INDEX "led_follow_ups_months_key" ON "led_follow_ups" USING btree ("measure_id","months","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "led_follow_ups_token_key" ON "led_follow_ups" USING btree ("token_hash","org_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON led_milestones, led_budget_lines, led_progress_reports, led_follow_ups TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_milestones ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_milestones_tenant ON led_milestones FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_budget_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_budget_lines_tenant ON led_budget_lines FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_progress_reports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_progress_reports_tenant ON led_progress_reports FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_follow_ups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_follow_ups_tenant ON led_follow_ups FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
