-- The LED roll-up's stored summaries (server/modules/led, rollup-service.ts,
-- issue 17.9). Counting every person once across 200,000 people on about
-- 360,000 participation records took one hash of all of them per request
-- (seconds under load, target p95 300 ms); these tables hold the same counts,
-- kept exact on every write, so the roll-up reads one row per region and role.
--
--   led_rollup_person_regions  a person, a region and a role: on how many of the
--                              region's measures (each measure once, whatever the days)
--   led_rollup_people          a person and a role over all regions: measures, regions
--   led_rollup_region_counts   a region and a role: people once each, and the simple sum
--   led_rollup_totals          an organisation and a role: people once each, the simple
--                              sum, people on several measures, in several regions
--
-- Kept by triggers, not by the LED service: the people module writes these
-- records too without knowing LED (merging two people moves their records,
-- removing a person removes them), and a trigger sees every write whoever
-- makes it. The refresh recounts the people a statement touched from the
-- records (taking out what they counted before, adding what they count now),
-- under a per-organisation lock, so two transactions never count the same
-- person from the same old state. A measure removed or moved to another
-- region recounts its people. Only measure roles are counted (participant,
-- new job, higher income), of source 'led' and kind 'measure', and only on
-- measures that exist, as the live count over the measures did.
-- The app reads these tables (row-level security as every tenant table) and
-- never writes them: the functions write with the owner's rights.
CREATE TABLE "led_rollup_person_regions" (
	"org_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid NOT NULL,
	"measures" integer NOT NULL,
	CONSTRAINT "led_rollup_person_regions_pkey" PRIMARY KEY("org_id","region_id","role","person_id")
);
--> statement-breakpoint
CREATE TABLE "led_rollup_people" (
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid NOT NULL,
	"measures" integer NOT NULL,
	"regions" integer NOT NULL,
	CONSTRAINT "led_rollup_people_pkey" PRIMARY KEY("org_id","person_id","role")
);
--> statement-breakpoint
CREATE TABLE "led_rollup_region_counts" (
	"org_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"role" text NOT NULL,
	"people" integer NOT NULL,
	"sum" integer NOT NULL,
	CONSTRAINT "led_rollup_region_counts_pkey" PRIMARY KEY("org_id","region_id","role")
);
--> statement-breakpoint
CREATE TABLE "led_rollup_totals" (
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"people" integer NOT NULL,
	"sum" integer NOT NULL,
	"in_several_measures" integer NOT NULL,
	"in_several_regions" integer NOT NULL,
	CONSTRAINT "led_rollup_totals_pkey" PRIMARY KEY("org_id","role")
);
--> statement-breakpoint
-- Only the organisation: a region's or a measure's rows go when the refresh recounts its people
-- (a cascade from the region could remove them before the totals were taken down).
ALTER TABLE "led_rollup_person_regions" ADD CONSTRAINT "led_rollup_person_regions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_rollup_people" ADD CONSTRAINT "led_rollup_people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_rollup_region_counts" ADD CONSTRAINT "led_rollup_region_counts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "led_rollup_totals" ADD CONSTRAINT "led_rollup_totals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The refresh finds a person's rows by person (led_rollup_people by its key).
CREATE INDEX "led_rollup_person_regions_person_idx" ON "led_rollup_person_regions" USING btree ("org_id","person_id");--> statement-breakpoint
GRANT SELECT ON led_rollup_person_regions, led_rollup_people, led_rollup_region_counts, led_rollup_totals TO roundtable_app;
--> statement-breakpoint
ALTER TABLE led_rollup_person_regions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE led_rollup_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE led_rollup_region_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE led_rollup_totals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY led_rollup_person_regions_tenant ON led_rollup_person_regions FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
CREATE POLICY led_rollup_people_tenant ON led_rollup_people FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
CREATE POLICY led_rollup_region_counts_tenant ON led_rollup_region_counts FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
CREATE POLICY led_rollup_totals_tenant ON led_rollup_totals FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
-- Counts an organisation's people again from all its records: for a statement touching many people
-- (an import, the first count of this migration), where grouping every record once is faster than
-- taking each person out and back.
CREATE FUNCTION led_rollup_recount_org(p_org uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  DELETE FROM led_rollup_person_regions WHERE org_id = p_org;
  DELETE FROM led_rollup_people WHERE org_id = p_org;
  DELETE FROM led_rollup_region_counts WHERE org_id = p_org;
  DELETE FROM led_rollup_totals WHERE org_id = p_org;
  -- Each measure once per person and role, whatever the days (the once key holds a record per day).
  INSERT INTO led_rollup_person_regions (org_id, region_id, role, person_id, measures)
  SELECT p_org, o.region_id, o.role, o.person_id, count(*)::int
    FROM (SELECT DISTINCT m.region_id, p.role, p.person_id, p.source_id
            FROM person_participations p JOIN led_measures m ON m.org_id = p.org_id AND m.id = p.source_id
           WHERE p.org_id = p_org AND p.source = 'led' AND p.kind = 'measure' AND p.role IN ('participant', 'new_job', 'higher_income')) o
   GROUP BY 1, 2, 3, 4;
  INSERT INTO led_rollup_people (org_id, person_id, role, measures, regions)
  SELECT p_org, person_id, role, sum(measures)::int, count(*)::int FROM led_rollup_person_regions WHERE org_id = p_org GROUP BY person_id, role;
  INSERT INTO led_rollup_region_counts (org_id, region_id, role, people, sum)
  SELECT p_org, region_id, role, count(*)::int, sum(measures)::int FROM led_rollup_person_regions WHERE org_id = p_org GROUP BY region_id, role;
  INSERT INTO led_rollup_totals (org_id, role, people, sum, in_several_measures, in_several_regions)
  SELECT p_org, role, count(*)::int, sum(measures)::int, count(*) FILTER (WHERE measures > 1)::int, count(*) FILTER (WHERE regions > 1)::int
    FROM led_rollup_people WHERE org_id = p_org GROUP BY role;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION led_rollup_recount_org(uuid) FROM PUBLIC;
--> statement-breakpoint
-- Recounts these people (organisation, person pairs): takes their old rows out of the region counts and
-- totals, counts them again from the records, and adds the new rows back. An organisation with more
-- than 1,000 of them in one statement is counted again whole.
CREATE FUNCTION led_rollup_refresh(p_orgs uuid[], p_people uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  o uuid;
  few_orgs uuid[];
  few_people uuid[];
BEGIN
  -- A statement that touched no LED record (the triggers pass null arrays then).
  IF p_orgs IS NULL THEN
    RETURN;
  END IF;
  -- One writer of an organisation's counts at a time (in the order of the ids, so two cannot wait on each other).
  -- Each statement below reads with a snapshot taken after the lock, so it sees what the previous holder committed.
  FOR o IN SELECT DISTINCT x FROM unnest(p_orgs) AS x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('led_rollup:' || o::text, 0));
  END LOOP;
  FOR o IN SELECT x.org_id FROM (SELECT DISTINCT * FROM unnest(p_orgs, p_people) AS u(org_id, person_id)) x GROUP BY x.org_id HAVING count(*) > 1000 LOOP
    PERFORM led_rollup_recount_org(o);
  END LOOP;
  SELECT array_agg(x.org_id), array_agg(x.person_id) INTO few_orgs, few_people
    FROM (SELECT DISTINCT * FROM unnest(p_orgs, p_people) AS u(org_id, person_id)) x
   WHERE x.org_id IN (SELECT y.org_id FROM (SELECT DISTINCT * FROM unnest(p_orgs, p_people) AS u(org_id, person_id)) y GROUP BY y.org_id HAVING count(*) <= 1000);
  IF few_orgs IS NULL THEN
    RETURN;
  END IF;

  UPDATE led_rollup_region_counts c SET people = c.people - d.people, sum = c.sum - d.sum
    FROM (SELECT a.org_id, a.region_id, a.role, count(*)::int AS people, sum(a.measures)::int AS sum
            FROM led_rollup_person_regions a
            JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = a.org_id AND x.person_id = a.person_id
           GROUP BY 1, 2, 3) d
   WHERE c.org_id = d.org_id AND c.region_id = d.region_id AND c.role = d.role;

  UPDATE led_rollup_totals t
     SET people = t.people - d.people, sum = t.sum - d.sum, in_several_measures = t.in_several_measures - d.several_measures, in_several_regions = t.in_several_regions - d.several_regions
    FROM (SELECT s.org_id, s.role, count(*)::int AS people, sum(s.measures)::int AS sum,
                 count(*) FILTER (WHERE s.measures > 1)::int AS several_measures, count(*) FILTER (WHERE s.regions > 1)::int AS several_regions
            FROM led_rollup_people s
            JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = s.org_id AND x.person_id = s.person_id
           GROUP BY 1, 2) d
   WHERE t.org_id = d.org_id AND t.role = d.role;

  DELETE FROM led_rollup_person_regions a USING unnest(few_orgs, few_people) AS x(org_id, person_id)
   WHERE a.org_id = x.org_id AND a.person_id = x.person_id;
  DELETE FROM led_rollup_people s USING unnest(few_orgs, few_people) AS x(org_id, person_id)
   WHERE s.org_id = x.org_id AND s.person_id = x.person_id;

  -- Each measure once per person and role, whatever the days (the once key holds a record per day).
  INSERT INTO led_rollup_person_regions (org_id, region_id, role, person_id, measures)
  SELECT p.org_id, m.region_id, p.role, p.person_id, count(DISTINCT p.source_id)::int
    FROM person_participations p
    JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = p.org_id AND x.person_id = p.person_id
    JOIN led_measures m ON m.org_id = p.org_id AND m.id = p.source_id
   WHERE p.source = 'led' AND p.kind = 'measure' AND p.role IN ('participant', 'new_job', 'higher_income')
   GROUP BY 1, 2, 3, 4;

  INSERT INTO led_rollup_people (org_id, person_id, role, measures, regions)
  SELECT a.org_id, a.person_id, a.role, sum(a.measures)::int, count(*)::int
    FROM led_rollup_person_regions a
    JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = a.org_id AND x.person_id = a.person_id
   GROUP BY 1, 2, 3;

  INSERT INTO led_rollup_region_counts AS c (org_id, region_id, role, people, sum)
  SELECT a.org_id, a.region_id, a.role, count(*)::int, sum(a.measures)::int
    FROM led_rollup_person_regions a
    JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = a.org_id AND x.person_id = a.person_id
   GROUP BY 1, 2, 3
  ON CONFLICT (org_id, region_id, role) DO UPDATE SET people = c.people + EXCLUDED.people, sum = c.sum + EXCLUDED.sum;

  INSERT INTO led_rollup_totals AS t (org_id, role, people, sum, in_several_measures, in_several_regions)
  SELECT s.org_id, s.role, count(*)::int, sum(s.measures)::int, count(*) FILTER (WHERE s.measures > 1)::int, count(*) FILTER (WHERE s.regions > 1)::int
    FROM led_rollup_people s
    JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = s.org_id AND x.person_id = s.person_id
   GROUP BY 1, 2
  ON CONFLICT (org_id, role) DO UPDATE
     SET people = t.people + EXCLUDED.people, sum = t.sum + EXCLUDED.sum,
         in_several_measures = t.in_several_measures + EXCLUDED.in_several_measures, in_several_regions = t.in_several_regions + EXCLUDED.in_several_regions;

  -- A region nobody counts in any more (its measures or people removed) keeps no row.
  DELETE FROM led_rollup_region_counts c WHERE c.org_id IN (SELECT unnest(few_orgs)) AND c.people = 0;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION led_rollup_refresh(uuid[], uuid[]) FROM PUBLIC;
--> statement-breakpoint
-- The people a statement on person_participations touched (LED's records only), before and after.
-- Each trigger hands the pairs (organisation, person) it found to led_rollup_refresh (none: null arrays).
CREATE FUNCTION led_rollup_participations_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT n.org_id, n.person_id FROM new_rows n WHERE n.source = 'led') d;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT o.org_id, o.person_id FROM old_rows o WHERE o.source = 'led') d;
  ELSE
    PERFORM led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT n.org_id, n.person_id FROM new_rows n WHERE n.source = 'led'
            UNION SELECT o.org_id, o.person_id FROM old_rows o WHERE o.source = 'led') d;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The people of the measures a statement removed or moved to another region.
CREATE FUNCTION led_rollup_measures_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT p.org_id, p.person_id FROM old_rows m
              JOIN person_participations p ON p.org_id = m.org_id AND p.source = 'led' AND p.source_id = m.id) d;
  ELSE
    PERFORM led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT p.org_id, p.person_id FROM old_rows m
              JOIN new_rows n ON n.org_id = m.org_id AND n.id = m.id AND n.region_id IS DISTINCT FROM m.region_id
              JOIN person_participations p ON p.org_id = m.org_id AND p.source = 'led' AND p.source_id = m.id) d;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER led_rollup_participations_insert AFTER INSERT ON person_participations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION led_rollup_participations_changed();
--> statement-breakpoint
CREATE TRIGGER led_rollup_participations_delete AFTER DELETE ON person_participations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION led_rollup_participations_changed();
--> statement-breakpoint
CREATE TRIGGER led_rollup_participations_update AFTER UPDATE ON person_participations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION led_rollup_participations_changed();
--> statement-breakpoint
CREATE TRIGGER led_rollup_measures_delete AFTER DELETE ON led_measures
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION led_rollup_measures_changed();
--> statement-breakpoint
CREATE TRIGGER led_rollup_measures_update AFTER UPDATE ON led_measures
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION led_rollup_measures_changed();
--> statement-breakpoint
-- What was recorded before this migration.
SELECT led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
  FROM (SELECT DISTINCT org_id, person_id FROM person_participations WHERE source = 'led') d;
