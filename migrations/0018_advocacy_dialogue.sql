CREATE TABLE "advocacy_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"objective_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"reminded_on" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advocacy_actions_kind_check" CHECK ("advocacy_actions"."kind" IN ('meeting', 'letter', 'media', 'coalition', 'research', 'other')),
	CONSTRAINT "advocacy_actions_status_check" CHECK ("advocacy_actions"."status" IN ('planned', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "advocacy_cost_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"minutes" integer NOT NULL,
	"hourly_tariff" bigint NOT NULL,
	"out_of_pocket" bigint NOT NULL,
	"per_year" double precision NOT NULL,
	"firms_micro" integer DEFAULT 0 NOT NULL,
	"firms_small" integer DEFAULT 0 NOT NULL,
	"firms_medium" integer DEFAULT 0 NOT NULL,
	"firms_large" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "advocacy_cost_activities_values_check" CHECK ("advocacy_cost_activities"."minutes" >= 0 AND "advocacy_cost_activities"."hourly_tariff" >= 0 AND "advocacy_cost_activities"."out_of_pocket" >= 0 AND "advocacy_cost_activities"."per_year" > 0 AND "advocacy_cost_activities"."firms_micro" >= 0 AND "advocacy_cost_activities"."firms_small" >= 0 AND "advocacy_cost_activities"."firms_medium" >= 0 AND "advocacy_cost_activities"."firms_large" >= 0)
);
--> statement-breakpoint
CREATE TABLE "advocacy_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocacy_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"member_issue_id" uuid,
	"consultation_id" uuid,
	"question" text,
	"note" text DEFAULT '' NOT NULL,
	"added_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advocacy_evidence_kind_check" CHECK (("advocacy_evidence"."member_issue_id" IS NOT NULL) <> ("advocacy_evidence"."consultation_id" IS NOT NULL AND "advocacy_evidence"."question" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "advocacy_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"category" text NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"severity" integer DEFAULT 3 NOT NULL,
	"feasibility" integer DEFAULT 3 NOT NULL,
	"step" text DEFAULT 'diagnostic' NOT NULL,
	"outcome" text,
	"outcome_evidence" text DEFAULT '' NOT NULL,
	"outcome_at" timestamp (3) with time zone,
	"saving_share" integer DEFAULT 100 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advocacy_issues_category_check" CHECK ("advocacy_issues"."category" IN ('regulation', 'red_tape', 'tax', 'monopoly', 'corruption', 'infrastructure', 'finance', 'skills', 'markets', 'other')),
	CONSTRAINT "advocacy_issues_step_check" CHECK ("advocacy_issues"."step" IN ('diagnostic', 'solution_design', 'advocacy', 'legislative', 'implementation')),
	CONSTRAINT "advocacy_issues_outcome_check" CHECK ("advocacy_issues"."outcome" IN ('adopted', 'implemented', 'rejected', 'dropped', 'on_hold')),
	CONSTRAINT "advocacy_issues_levels_check" CHECK ("advocacy_issues"."severity" BETWEEN 1 AND 5 AND "advocacy_issues"."feasibility" BETWEEN 1 AND 5),
	CONSTRAINT "advocacy_issues_saving_check" CHECK ("advocacy_issues"."saving_share" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "advocacy_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"text" text NOT NULL,
	"target_person_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocacy_stakeholders" (
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stance" integer DEFAULT 0 NOT NULL,
	"influence" integer DEFAULT 2 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advocacy_stakeholders_issue_id_person_id_pk" PRIMARY KEY("issue_id","person_id"),
	CONSTRAINT "advocacy_stakeholders_levels_check" CHECK ("advocacy_stakeholders"."stance" BETWEEN -2 AND 2 AND "advocacy_stakeholders"."influence" BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE TABLE "advocacy_step_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"step" text NOT NULL,
	"score" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	CONSTRAINT "advocacy_step_scores_step_check" CHECK ("advocacy_step_scores"."step" IN ('diagnostic', 'solution_design', 'advocacy', 'legislative', 'implementation')),
	CONSTRAINT "advocacy_step_scores_score_check" CHECK ("advocacy_step_scores"."score" BETWEEN 0 AND 3)
);
--> statement-breakpoint
CREATE TABLE "dm_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"post_id" uuid,
	"role" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	CONSTRAINT "dm_memberships_dates_check" CHECK ("dm_memberships"."end_date" IS NULL OR "dm_memberships"."start_date" IS NULL OR "dm_memberships"."end_date" >= "dm_memberships"."start_date")
);
--> statement-breakpoint
CREATE TABLE "dm_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"classification" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dm_organizations_classification_check" CHECK ("dm_organizations"."classification" IN ('ministry', 'agency', 'parliament', 'committee', 'local_government', 'regulator', 'donor', 'business_association', 'other'))
);
--> statement-breakpoint
CREATE TABLE "dm_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"honorific_prefix" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dm_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_paper_versions" (
	"org_id" uuid NOT NULL,
	"paper_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"problem" text NOT NULL,
	"evidence" text NOT NULL,
	"proposals" text NOT NULL,
	"expected_impact" text NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "position_paper_versions_paper_id_version_pk" PRIMARY KEY("paper_id","version")
);
--> statement-breakpoint
CREATE TABLE "position_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issue_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"approved_version" integer,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_papers_status_check" CHECK ("position_papers"."status" IN ('draft', 'in_review', 'approved')),
	CONSTRAINT "position_papers_published_check" CHECK (NOT "position_papers"."published" OR "position_papers"."approved_version" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"issue_id" uuid,
	"notes" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"note" text NOT NULL,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "forum_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"issue_id" uuid,
	"text" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_decisions_status_check" CHECK ("forum_decisions"."status" IN ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "forum_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"forum_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"invited_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_meetings_status_check" CHECK ("forum_meetings"."status" IN ('planned', 'held', 'cancelled')),
	CONSTRAINT "forum_meetings_times_check" CHECK ("forum_meetings"."ends_at" > "forum_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "forum_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"forum_id" uuid NOT NULL,
	"side" text NOT NULL,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_members_side_check" CHECK ("forum_members"."side" IN ('private', 'public')),
	CONSTRAINT "forum_members_role_check" CHECK ("forum_members"."role" IN ('chair', 'co_chair', 'secretariat', 'member', 'observer'))
);
--> statement-breakpoint
CREATE TABLE "forums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forums_kind_check" CHECK ("forums"."kind" IN ('round_table', 'committee', 'ministry_meeting', 'working_group', 'other'))
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"forum_member_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_forum_member_id_pk" PRIMARY KEY("meeting_id","forum_member_id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_objective_id_advocacy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."advocacy_objectives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_cost_activities" ADD CONSTRAINT "advocacy_cost_activities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_cost_activities" ADD CONSTRAINT "advocacy_cost_activities_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_events" ADD CONSTRAINT "advocacy_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_events" ADD CONSTRAINT "advocacy_events_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_events" ADD CONSTRAINT "advocacy_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_evidence" ADD CONSTRAINT "advocacy_evidence_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_evidence" ADD CONSTRAINT "advocacy_evidence_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_evidence" ADD CONSTRAINT "advocacy_evidence_member_issue_id_member_issues_id_fk" FOREIGN KEY ("member_issue_id") REFERENCES "public"."member_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_evidence" ADD CONSTRAINT "advocacy_evidence_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_issues" ADD CONSTRAINT "advocacy_issues_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_objectives" ADD CONSTRAINT "advocacy_objectives_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_objectives" ADD CONSTRAINT "advocacy_objectives_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_objectives" ADD CONSTRAINT "advocacy_objectives_target_person_id_dm_people_id_fk" FOREIGN KEY ("target_person_id") REFERENCES "public"."dm_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" ADD CONSTRAINT "advocacy_stakeholders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" ADD CONSTRAINT "advocacy_stakeholders_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" ADD CONSTRAINT "advocacy_stakeholders_person_id_dm_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."dm_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" ADD CONSTRAINT "advocacy_step_scores_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" ADD CONSTRAINT "advocacy_step_scores_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" ADD CONSTRAINT "advocacy_step_scores_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_memberships" ADD CONSTRAINT "dm_memberships_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_memberships" ADD CONSTRAINT "dm_memberships_person_id_dm_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."dm_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_memberships" ADD CONSTRAINT "dm_memberships_organization_id_dm_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dm_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_memberships" ADD CONSTRAINT "dm_memberships_post_id_dm_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."dm_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_organizations" ADD CONSTRAINT "dm_organizations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_people" ADD CONSTRAINT "dm_people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_posts" ADD CONSTRAINT "dm_posts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dm_posts" ADD CONSTRAINT "dm_posts_organization_id_dm_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."dm_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_paper_versions" ADD CONSTRAINT "position_paper_versions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_paper_versions" ADD CONSTRAINT "position_paper_versions_paper_id_position_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."position_papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_paper_versions" ADD CONSTRAINT "position_paper_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_papers" ADD CONSTRAINT "position_papers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_papers" ADD CONSTRAINT "position_papers_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ADD CONSTRAINT "decision_follow_ups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ADD CONSTRAINT "decision_follow_ups_decision_id_forum_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."forum_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ADD CONSTRAINT "decision_follow_ups_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."advocacy_issues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_members" ADD CONSTRAINT "forum_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_members" ADD CONSTRAINT "forum_members_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_members" ADD CONSTRAINT "forum_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_forum_member_id_forum_members_id_fk" FOREIGN KEY ("forum_member_id") REFERENCES "public"."forum_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocacy_actions_issue_idx" ON "advocacy_actions" USING btree ("issue_id","due_on");--> statement-breakpoint
CREATE INDEX "advocacy_actions_open_idx" ON "advocacy_actions" USING btree ("due_on") WHERE "advocacy_actions"."status" IN ('planned', 'in_progress');--> statement-breakpoint
CREATE INDEX "advocacy_cost_activities_issue_idx" ON "advocacy_cost_activities" USING btree ("issue_id","position");--> statement-breakpoint
CREATE INDEX "advocacy_events_issue_idx" ON "advocacy_events" USING btree ("issue_id","at");--> statement-breakpoint
CREATE INDEX "advocacy_evidence_issue_idx" ON "advocacy_evidence" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "advocacy_evidence_member_issue_idx" ON "advocacy_evidence" USING btree ("member_issue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advocacy_evidence_member_issue_uniq" ON "advocacy_evidence" USING btree ("issue_id","member_issue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advocacy_evidence_question_uniq" ON "advocacy_evidence" USING btree ("issue_id","consultation_id","question");--> statement-breakpoint
CREATE INDEX "advocacy_issues_org_idx" ON "advocacy_issues" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "advocacy_objectives_issue_idx" ON "advocacy_objectives" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "advocacy_stakeholders_person_idx" ON "advocacy_stakeholders" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "advocacy_step_scores_issue_idx" ON "advocacy_step_scores" USING btree ("issue_id","step","at");--> statement-breakpoint
CREATE INDEX "dm_memberships_person_idx" ON "dm_memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dm_memberships_organization_idx" ON "dm_memberships" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "dm_organizations_org_idx" ON "dm_organizations" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "dm_people_org_idx" ON "dm_people" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "dm_posts_organization_idx" ON "dm_posts" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "position_papers_issue_idx" ON "position_papers" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_items_issue_idx" ON "agenda_items" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "decision_follow_ups_decision_idx" ON "decision_follow_ups" USING btree ("decision_id","at");--> statement-breakpoint
CREATE INDEX "forum_decisions_meeting_idx" ON "forum_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "forum_decisions_issue_idx" ON "forum_decisions" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "forum_meetings_forum_idx" ON "forum_meetings" USING btree ("forum_id","starts_at");--> statement-breakpoint
CREATE INDEX "forum_members_forum_idx" ON "forum_members" USING btree ("forum_id");--> statement-breakpoint
CREATE INDEX "forum_members_user_idx" ON "forum_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "forums_org_idx" ON "forums" USING btree ("org_id","name");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON advocacy_actions, advocacy_cost_activities, advocacy_evidence, advocacy_issues, advocacy_objectives, advocacy_stakeholders, dm_memberships, dm_organizations, dm_people, dm_posts, position_papers, agenda_items, forum_decisions, forum_meetings, forum_members, forums, meeting_attendance TO roundtable_app;
--> statement-breakpoint
-- History is only ever added to: status changes, scores, paper versions and follow-ups keep who and when.
GRANT SELECT, INSERT ON advocacy_events, advocacy_step_scores, position_paper_versions, decision_follow_ups TO roundtable_app;
--> statement-breakpoint
ALTER TABLE advocacy_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_actions_tenant ON advocacy_actions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE advocacy_cost_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_cost_activities_tenant ON advocacy_cost_activities FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE advocacy_evidence ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_evidence_tenant ON advocacy_evidence FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE advocacy_issues ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_issues_tenant ON advocacy_issues FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE advocacy_objectives ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_objectives_tenant ON advocacy_objectives FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE advocacy_stakeholders ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_stakeholders_tenant ON advocacy_stakeholders FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE dm_memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dm_memberships_tenant ON dm_memberships FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE dm_organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dm_organizations_tenant ON dm_organizations FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE dm_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dm_people_tenant ON dm_people FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE dm_posts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY dm_posts_tenant ON dm_posts FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE position_papers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY position_papers_tenant ON position_papers FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE agenda_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY agenda_items_tenant ON agenda_items FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE forum_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY forum_decisions_tenant ON forum_decisions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE forum_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY forum_meetings_tenant ON forum_meetings FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE forum_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY forum_members_tenant ON forum_members FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE forums ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY forums_tenant ON forums FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE meeting_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_attendance_tenant ON meeting_attendance FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE advocacy_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_events_tenant ON advocacy_events FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE advocacy_step_scores ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY advocacy_step_scores_tenant ON advocacy_step_scores FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE position_paper_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY position_paper_versions_tenant ON position_paper_versions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE decision_follow_ups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY decision_follow_ups_tenant ON decision_follow_ups FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
