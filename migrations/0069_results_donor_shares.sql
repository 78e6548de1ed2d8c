-- Donors and the results frameworks organisations share with them (issue 20.5,
-- server/modules/results/donor-service.ts).
--
--   results_donors            a named funder (GIZ), created by an operator; a reference table
--   results_donor_users       the people who sign in for a donor; no role in any organisation
--   results_framework_shares  a framework an organisation shares with a donor, by its choice;
--                             revoked by deleting the row (both audited by the organisation)
--   results_periods.figures   an approved report's figures as reported, without the records
--                             behind them: what dashboards read (the frozen report holds every
--                             record's id and is read only to check and correct it)
--
-- A donor's person is not a member of any tenant: the app role sees none of these
-- organisations' rows. What a donor may read comes from one SECURITY DEFINER function,
-- results_donor_programmes(session): its gate is the caller's own session (found by the
-- hash of its cookie, live and of a person not disabled), the donors that person signs
-- in for, and the shares of those donors; it returns frameworks' names and approved
-- reports' stored figures, never a record, a member or a person.
CREATE TABLE "results_donors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_donors_name_key" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "results_donor_users" (
	"donor_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_donor_users_pkey" PRIMARY KEY("donor_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "results_framework_shares" (
	"org_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"donor_id" uuid NOT NULL,
	"shared_by" text NOT NULL,
	"shared_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_framework_shares_pkey" PRIMARY KEY("framework_id","donor_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "results_periods" ADD COLUMN "figures" jsonb;--> statement-breakpoint
ALTER TABLE "results_donor_users" ADD CONSTRAINT "results_donor_users_donor_id_results_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."results_donors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_donor_users" ADD CONSTRAINT "results_donor_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_framework_shares" ADD CONSTRAINT "results_framework_shares_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_framework_shares" ADD CONSTRAINT "results_framework_shares_donor_id_results_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."results_donors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_framework_shares" ADD CONSTRAINT "results_framework_shares_framework_id_results_frameworks_id_fk" FOREIGN KEY ("org_id","framework_id") REFERENCES "public"."results_frameworks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "results_donor_users_user_idx" ON "results_donor_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "results_framework_shares_donor_idx" ON "results_framework_shares" USING btree ("donor_id");--> statement-breakpoint
-- The reports approved before: their figures as frozen, each with how many records it counted.
UPDATE results_periods p SET figures = jsonb_build_object('indicators', COALESCE((
  SELECT jsonb_agg((e.i - 'records') || jsonb_build_object('records', jsonb_array_length(COALESCE(e.i->'records', '[]'::jsonb)), 'kind', ri.kind, 'level', ri.level, 'unit', COALESCE(ri.unit, '')) ORDER BY e.o)
  FROM jsonb_array_elements(p.frozen->'indicators') WITH ORDINALITY AS e(i, o)
  LEFT JOIN results_indicators ri ON ri.org_id = p.org_id AND ri.id = (e.i->>'indicatorId')::uuid), '[]'::jsonb))
WHERE p.frozen IS NOT NULL;
--> statement-breakpoint
-- The app lists donors by name (to choose whom to share with) and manages its own shares;
-- it never reads who signs in for a donor.
GRANT SELECT (id, name) ON results_donors TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON results_framework_shares TO roundtable_app;
--> statement-breakpoint
ALTER TABLE results_framework_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_framework_shares_tenant ON results_framework_shares FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
-- The donors a session's person signs in for (none: not a donor's person).
CREATE FUNCTION results_donors_of_session(p_session text) RETURNS TABLE (id uuid, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT d.id, d.name FROM sessions s
  JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
  JOIN results_donor_users du ON du.user_id = s.user_id
  JOIN results_donors d ON d.id = du.donor_id
  WHERE s.token_hash = p_session AND s.expires_at > now()
  ORDER BY d.name
$$;
--> statement-breakpoint
-- The frameworks shared with those donors, each with its approved reports' stored totals and
-- targets (breakdowns stay on the report; a framework with no approved report comes once, with no period).
CREATE FUNCTION results_donor_programmes(p_session text) RETURNS TABLE (
  org_id uuid, org_name text, framework_id uuid, framework_name text, period_id uuid, label text,
  starts_on date, ends_on date, approved_at timestamp (3) with time zone, indicators jsonb
)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH shared AS (
    SELECT DISTINCT sh.org_id, sh.framework_id FROM sessions s
    JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL
    JOIN results_donor_users du ON du.user_id = s.user_id
    JOIN results_framework_shares sh ON sh.donor_id = du.donor_id
    WHERE s.token_hash = p_session AND s.expires_at > now()
  )
  SELECT o.id, o.name, f.id, f.name, p.id, p.label, p.starts_on, p.ends_on, p.approved_at,
    (SELECT jsonb_agg(i - 'breakdowns' ORDER BY n) FROM jsonb_array_elements(p.figures->'indicators') WITH ORDINALITY AS e(i, n))
  FROM shared
  JOIN results_frameworks f ON f.org_id = shared.org_id AND f.id = shared.framework_id
  JOIN orgs o ON o.id = f.org_id
  LEFT JOIN results_periods p ON p.org_id = f.org_id AND p.framework_id = f.id AND p.state = 'approved'
  ORDER BY o.name, o.id, f.name, f.id, p.starts_on, p.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION results_donors_of_session(text), results_donor_programmes(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION results_donors_of_session(text), results_donor_programmes(text) TO roundtable_app;
