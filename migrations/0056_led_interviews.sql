-- Interviews coded to bottlenecks (server/modules/led, issue 17.4). An LED
-- region's interviews: a staff member asks someone of the private, public or
-- semi-public sector the questions of an interview guide (a published form of
-- the form engine, purpose 'interview'), on a phone, and keeps the answers
-- here, checked by the surveys module as a consultation's are. Any answer of
-- an interview, any answer of a submitted survey response and any member issue
-- may be coded to a bottleneck of a region: led_bottleneck_codes is the link,
-- one row per piece of evidence and bottleneck. The organisation's id is in
-- every key and on both sides of every foreign key; row-level security as
-- every tenant table.
CREATE TABLE "led_interviews" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"form_title" text DEFAULT '' NOT NULL,
	"interviewee" text NOT NULL,
	"sector" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"interviewed_on" date NOT NULL,
	"conducted_by" uuid,
	"conducted_by_name" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submission_key" text,
	"submitted_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_interviews_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_interviews_sector_check" CHECK ("led_interviews"."sector" IN ('private', 'public', 'semi_public')),
	CONSTRAINT "led_interviews_status_check" CHECK ("led_interviews"."status" IN ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "led_bottleneck_codes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bottleneck_id" uuid NOT NULL,
	"source" text NOT NULL,
	"interview_id" uuid,
	"response_id" uuid,
	"member_issue_id" uuid,
	"question" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"coded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_bottleneck_codes_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_bottleneck_codes_source_check" CHECK ("led_bottleneck_codes"."source" IN ('interview', 'survey', 'member_issue')),
	-- Exactly the reference its source names; an answer names its question, a member issue none.
	CONSTRAINT "led_bottleneck_codes_reference_check" CHECK (("led_bottleneck_codes"."source" = 'interview') = ("led_bottleneck_codes"."interview_id" IS NOT NULL) AND ("led_bottleneck_codes"."source" = 'survey') = ("led_bottleneck_codes"."response_id" IS NOT NULL) AND ("led_bottleneck_codes"."source" = 'member_issue') = ("led_bottleneck_codes"."member_issue_id" IS NOT NULL) AND ("led_bottleneck_codes"."source" = 'member_issue') = ("led_bottleneck_codes"."question" = ''))
);
--> statement-breakpoint
ALTER TABLE "led_interviews" ADD CONSTRAINT "led_interviews_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_interviews" ADD CONSTRAINT "led_interviews_region_id_led_regions_id_fk" FOREIGN KEY ("org_id","region_id") REFERENCES "public"."led_regions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_interviews" ADD CONSTRAINT "led_interviews_conducted_by_users_id_fk" FOREIGN KEY ("conducted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottleneck_codes" ADD CONSTRAINT "led_bottleneck_codes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottleneck_codes" ADD CONSTRAINT "led_bottleneck_codes_bottleneck_id_led_bottlenecks_id_fk" FOREIGN KEY ("org_id","bottleneck_id") REFERENCES "public"."led_bottlenecks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottleneck_codes" ADD CONSTRAINT "led_bottleneck_codes_interview_id_led_interviews_id_fk" FOREIGN KEY ("org_id","interview_id") REFERENCES "public"."led_interviews"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottleneck_codes" ADD CONSTRAINT "led_bottleneck_codes_response_id_responses_id_fk" FOREIGN KEY ("org_id","response_id") REFERENCES "public"."responses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottleneck_codes" ADD CONSTRAINT "led_bottleneck_codes_member_issue_id_member_issues_id_fk" FOREIGN KEY ("org_id","member_issue_id") REFERENCES "public"."member_issues"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_bottleneck_codes" ADD CONSTRAINT "led_bottleneck_codes_coded_by_users_id_fk" FOREIGN KEY ("coded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "led_interviews_region_idx" ON "led_interviews" USING btree ("org_id","region_id","interviewed_on");--> statement-breakpoint
-- One code per piece of evidence and bottleneck; the evidence's own index finds the bottlenecks it is coded to.
CREATE UNIQUE INDEX "led_bottleneck_codes_interview_key" ON "led_bottleneck_codes" USING btree ("bottleneck_id","interview_id","question","org_id") WHERE "led_bottleneck_codes"."interview_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "led_bottleneck_codes_response_key" ON "led_bottleneck_codes" USING btree ("bottleneck_id","response_id","question","org_id") WHERE "led_bottleneck_codes"."response_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "led_bottleneck_codes_member_issue_key" ON "led_bottleneck_codes" USING btree ("bottleneck_id","member_issue_id","org_id") WHERE "led_bottleneck_codes"."member_issue_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "led_bottleneck_codes_interview_idx" ON "led_bottleneck_codes" USING btree ("org_id","interview_id") WHERE "led_bottleneck_codes"."interview_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "led_bottleneck_codes_response_idx" ON "led_bottleneck_codes" USING btree ("org_id","response_id") WHERE "led_bottleneck_codes"."response_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "led_bottleneck_codes_member_issue_idx" ON "led_bottleneck_codes" USING btree ("org_id","member_issue_id") WHERE "led_bottleneck_codes"."member_issue_id" IS NOT NULL;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON led_interviews, led_bottleneck_codes TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_interviews ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_interviews_tenant ON led_interviews FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_bottleneck_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_bottleneck_codes_tenant ON led_bottleneck_codes FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
