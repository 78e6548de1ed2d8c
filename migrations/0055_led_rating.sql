-- Rating and selection of a call's applications (server/modules/led, issue 17.6).
-- The panel of a call are users of the organisation; a reviewer declares a conflict
-- with an application (kept: a declaration is never taken back), and a conflict is
-- also detected from the registry when they are a contact of a partner firm. Scores
-- are a history: a changed score is a new row and the latest (by seq, never by the
-- clock) counts. Each selection run is kept whole with what it was given (weights,
-- budget, the scores that counted), what it chose and why, and its ±10 % sensitivity.
-- A selected application taken to a measure is linked to it.
-- The organisation's id is in every key and on both sides of every foreign key.
CREATE TABLE "led_call_reviewers" (
	"org_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_call_reviewers_pkey" PRIMARY KEY("call_id","user_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "led_conflict_declarations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_conflict_declarations_pkey" PRIMARY KEY("id","org_id")
);
--> statement-breakpoint
CREATE TABLE "led_scores" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_scores_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_scores_score_check" CHECK ("led_scores"."score" BETWEEN 0 AND 5)
);
--> statement-breakpoint
CREATE TABLE "led_selection_runs" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"call_id" uuid NOT NULL,
	"normalised" boolean NOT NULL,
	"budget" bigint NOT NULL,
	"spent" bigint NOT NULL,
	"inputs" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"sensitivity" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_selection_runs_pkey" PRIMARY KEY("id","org_id"),
	CONSTRAINT "led_selection_runs_within_budget" CHECK ("led_selection_runs"."spent" BETWEEN 0 AND "led_selection_runs"."budget")
);
--> statement-breakpoint
CREATE TABLE "led_application_measures" (
	"org_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "led_application_measures_pkey" PRIMARY KEY("application_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "led_call_reviewers" ADD CONSTRAINT "led_call_reviewers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_call_reviewers" ADD CONSTRAINT "led_call_reviewers_call_id_led_calls_id_fk" FOREIGN KEY ("org_id","call_id") REFERENCES "public"."led_calls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_call_reviewers" ADD CONSTRAINT "led_call_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_conflict_declarations" ADD CONSTRAINT "led_conflict_declarations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_conflict_declarations" ADD CONSTRAINT "led_conflict_declarations_call_id_led_calls_id_fk" FOREIGN KEY ("org_id","call_id") REFERENCES "public"."led_calls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_conflict_declarations" ADD CONSTRAINT "led_conflict_declarations_application_id_led_applications_id_fk" FOREIGN KEY ("org_id","application_id") REFERENCES "public"."led_applications"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_conflict_declarations" ADD CONSTRAINT "led_conflict_declarations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_scores" ADD CONSTRAINT "led_scores_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_scores" ADD CONSTRAINT "led_scores_call_id_led_calls_id_fk" FOREIGN KEY ("org_id","call_id") REFERENCES "public"."led_calls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_scores" ADD CONSTRAINT "led_scores_application_id_led_applications_id_fk" FOREIGN KEY ("org_id","application_id") REFERENCES "public"."led_applications"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_scores" ADD CONSTRAINT "led_scores_criterion_id_led_call_criteria_id_fk" FOREIGN KEY ("org_id","criterion_id") REFERENCES "public"."led_call_criteria"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_scores" ADD CONSTRAINT "led_scores_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_selection_runs" ADD CONSTRAINT "led_selection_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_selection_runs" ADD CONSTRAINT "led_selection_runs_call_id_led_calls_id_fk" FOREIGN KEY ("org_id","call_id") REFERENCES "public"."led_calls"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_selection_runs" ADD CONSTRAINT "led_selection_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_application_measures" ADD CONSTRAINT "led_application_measures_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_application_measures" ADD CONSTRAINT "led_application_measures_application_id_led_applications_id_fk" FOREIGN KEY ("org_id","application_id") REFERENCES "public"."led_applications"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_application_measures" ADD CONSTRAINT "led_application_measures_measure_id_led_measures_id_fk" FOREIGN KEY ("org_id","measure_id") REFERENCES "public"."led_measures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_application_measures" ADD CONSTRAINT "led_application_measures_run_id_led_selection_runs_id_fk" FOREIGN KEY ("org_id","run_id") REFERENCES "public"."led_selection_runs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- One declaration per reviewer and application; scores and runs are read per call in their order.
CREATE UNIQUE INDEX "led_conflict_declarations_key" ON "led_conflict_declarations" USING btree ("application_id","user_id","org_id");--> statement-breakpoint
CREATE INDEX "led_conflict_declarations_call_idx" ON "led_conflict_declarations" USING btree ("org_id","call_id");--> statement-breakpoint
CREATE INDEX "led_scores_call_idx" ON "led_scores" USING btree ("org_id","call_id","seq");--> statement-breakpoint
CREATE INDEX "led_selection_runs_call_idx" ON "led_selection_runs" USING btree ("org_id","call_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "led_application_measures_measure_key" ON "led_application_measures" USING btree ("measure_id","org_id");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON led_call_reviewers, led_conflict_declarations, led_application_measures TO roundtable_app;
--> statement-breakpoint
-- History: scores and runs are written once and never changed by the app.
GRANT SELECT, INSERT ON led_scores, led_selection_runs TO roundtable_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE led_scores_seq_seq, led_selection_runs_seq_seq TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_call_reviewers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_call_reviewers_tenant ON led_call_reviewers FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_conflict_declarations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_conflict_declarations_tenant ON led_conflict_declarations FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_scores ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_scores_tenant ON led_scores FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_selection_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_selection_runs_tenant ON led_selection_runs FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE led_application_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_application_measures_tenant ON led_application_measures FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
