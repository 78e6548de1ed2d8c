CREATE TABLE "member_issue_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_issue_firms" (
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"via" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_issue_firms_issue_id_member_id_pk" PRIMARY KEY("issue_id","member_id"),
	CONSTRAINT "member_issue_firms_via_check" CHECK ("member_issue_firms"."via" IN ('portal', 'staff', 'merge'))
);
--> statement-breakpoint
CREATE TABLE "member_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"response_note" text DEFAULT '' NOT NULL,
	"merged_into_id" uuid,
	"raised_by_member_id" uuid,
	"raised_by_user_id" uuid,
	"affected_firms" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_issues_category_check" CHECK ("member_issues"."category" IN ('regulation', 'tax', 'infrastructure', 'finance', 'corruption', 'skills', 'markets', 'other')),
	CONSTRAINT "member_issues_status_check" CHECK ("member_issues"."status" IN ('new', 'triaged', 'forwarded', 'declined', 'merged')),
	CONSTRAINT "member_issues_merged_check" CHECK (("member_issues"."status" = 'merged') = ("member_issues"."merged_into_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "member_issue_events" ADD CONSTRAINT "member_issue_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issue_events" ADD CONSTRAINT "member_issue_events_issue_id_member_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."member_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issue_events" ADD CONSTRAINT "member_issue_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issue_firms" ADD CONSTRAINT "member_issue_firms_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issue_firms" ADD CONSTRAINT "member_issue_firms_issue_id_member_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."member_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issue_firms" ADD CONSTRAINT "member_issue_firms_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issues" ADD CONSTRAINT "member_issues_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issues" ADD CONSTRAINT "member_issues_merged_into_id_member_issues_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."member_issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issues" ADD CONSTRAINT "member_issues_raised_by_member_id_members_id_fk" FOREIGN KEY ("raised_by_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_issues" ADD CONSTRAINT "member_issues_raised_by_user_id_users_id_fk" FOREIGN KEY ("raised_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_issue_events_issue_idx" ON "member_issue_events" USING btree ("issue_id","at");--> statement-breakpoint
CREATE INDEX "member_issue_firms_member_idx" ON "member_issue_firms" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_issues_org_idx" ON "member_issues" USING btree ("org_id","created_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON member_issues, member_issue_firms TO roundtable_app;
--> statement-breakpoint
-- An issue's history is only ever added to.
GRANT SELECT, INSERT ON member_issue_events TO roundtable_app;
--> statement-breakpoint
ALTER TABLE member_issues ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE member_issue_firms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE member_issue_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_issues_tenant ON member_issues FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
CREATE POLICY member_issue_firms_tenant ON member_issue_firms FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
CREATE POLICY member_issue_events_tenant ON member_issue_events FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
