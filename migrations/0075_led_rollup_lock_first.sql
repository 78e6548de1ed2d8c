-- The LED roll-up's triggers (migration 0064, issue 17) take the organisation's
-- lock before they read whom a change touches, as training reach's do (0070).
-- In 0064 the trigger on led_measures read the people of a measure removed or
-- moved to another region, and only then waited for the lock in
-- led_rollup_refresh: a participant recorded on that measure by a transaction
-- holding the lock was not seen (its snapshot was taken before that commit),
-- so the person stayed counted on a measure gone or in the region it left.
-- A statement after the lock reads with a snapshot that holds what the
-- previous holder committed.
--
-- One lock for both stored counts, not one each: LED's is now taken for every
-- write of person_participations, as training's is, and such a write fires LED's
-- trigger first (by name), while a course's trainer added takes training's lock
-- and then records the course's participations; with two locks that is one
-- order against the other, and two such transactions of one organisation would
-- deadlock.
CREATE FUNCTION stored_counts_lock(p_orgs uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  o uuid;
BEGIN
  -- In the order of the ids, so two writers of several organisations cannot wait on each other.
  FOR o IN SELECT DISTINCT x FROM unnest(p_orgs) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('stored_counts:' || o::text, 0));
  END LOOP;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION stored_counts_lock(uuid[]) FROM PUBLIC;
--> statement-breakpoint
-- pg_temp last: a temporary table of the caller's named as one of ours is never read with the owner's rights.
ALTER FUNCTION led_rollup_recount_org(uuid) SET search_path = public, pg_temp;
--> statement-breakpoint
-- As in 0064 but for the lock: taken again here (a no-op when the trigger holds it) for a caller that did not.
CREATE OR REPLACE FUNCTION led_rollup_refresh(p_orgs uuid[], p_people uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
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
  PERFORM stored_counts_lock(p_orgs);
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
-- The organisations of the rows first (the transition tables are the statement's own, read without a
-- snapshot), locked; then the people of LED's records among them.
CREATE OR REPLACE FUNCTION led_rollup_participations_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM stored_counts_lock(array_agg(DISTINCT n.org_id)) FROM new_rows n; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM stored_counts_lock(array_agg(DISTINCT o.org_id)) FROM old_rows o; END IF;
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
REVOKE ALL ON FUNCTION led_rollup_participations_changed() FROM PUBLIC;
--> statement-breakpoint
-- Locked before the people of the measures are read from person_participations, not after: those
-- read after the lock include a participant the previous holder recorded on a measure now removed or moved.
-- Only the organisations of measures removed or moved: an edit of a title or a status waits for nobody.
CREATE OR REPLACE FUNCTION led_rollup_measures_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM stored_counts_lock(array_agg(DISTINCT m.org_id)) FROM old_rows m;
    PERFORM led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT p.org_id, p.person_id FROM old_rows m
              JOIN person_participations p ON p.org_id = m.org_id AND p.source = 'led' AND p.source_id = m.id) d;
  ELSE
    PERFORM stored_counts_lock(array_agg(DISTINCT m.org_id))
       FROM old_rows m JOIN new_rows n ON n.org_id = m.org_id AND n.id = m.id AND n.region_id IS DISTINCT FROM m.region_id;
    PERFORM led_rollup_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT p.org_id, p.person_id FROM old_rows m
              JOIN new_rows n ON n.org_id = m.org_id AND n.id = m.id AND n.region_id IS DISTINCT FROM m.region_id
              JOIN person_participations p ON p.org_id = m.org_id AND p.source = 'led' AND p.source_id = m.id) d;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION led_rollup_measures_changed() FROM PUBLIC;
--> statement-breakpoint
-- Training reach (0070) takes the same lock; its functions as in 0070 but for the lock's name.
CREATE OR REPLACE FUNCTION training_reach_refresh(p_orgs uuid[], p_people uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  o uuid;
  few_orgs uuid[];
  few_people uuid[];
BEGIN
  -- A statement that touched no participant of a course (the triggers pass null arrays then).
  IF p_orgs IS NULL THEN
    RETURN;
  END IF;
  PERFORM stored_counts_lock(p_orgs);
  FOR o IN SELECT x.org_id FROM (SELECT DISTINCT * FROM unnest(p_orgs, p_people) AS u(org_id, person_id)) x GROUP BY x.org_id HAVING count(*) > 1000 LOOP
    PERFORM training_reach_recount_org(o);
  END LOOP;
  SELECT array_agg(x.org_id), array_agg(x.person_id) INTO few_orgs, few_people
    FROM (SELECT DISTINCT * FROM unnest(p_orgs, p_people) AS u(org_id, person_id)) x
   WHERE x.org_id IN (SELECT y.org_id FROM (SELECT DISTINCT * FROM unnest(p_orgs, p_people) AS u(org_id, person_id)) y GROUP BY y.org_id HAVING count(*) <= 1000);
  IF few_orgs IS NULL THEN
    RETURN;
  END IF;

  UPDATE training_reach_sets s SET people = s.people - d.people
    FROM (SELECT r.org_id, training_reach_key(r.trainers) AS trainers_key, count(*)::int AS people
            FROM training_reach_people r
            JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = r.org_id AND x.person_id = r.person_id
           GROUP BY 1, 2) d
   WHERE s.org_id = d.org_id AND s.trainers_key = d.trainers_key;

  DELETE FROM training_reach_people r USING unnest(few_orgs, few_people) AS x(org_id, person_id)
   WHERE r.org_id = x.org_id AND r.person_id = x.person_id;

  INSERT INTO training_reach_people (org_id, person_id, trainers)
  SELECT p.org_id, p.person_id, array_agg(DISTINCT t.person_id ORDER BY t.person_id)
    FROM person_participations p
    JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = p.org_id AND x.person_id = p.person_id
    JOIN training_course_trainers t ON t.org_id = p.org_id AND t.course_id = p.source_id
   WHERE p.source = 'training' AND p.role = 'participant'
   GROUP BY 1, 2;

  INSERT INTO training_reach_sets AS s (org_id, trainers_key, trainers, people)
  SELECT r.org_id, training_reach_key(r.trainers), r.trainers, count(*)::int
    FROM training_reach_people r
    JOIN unnest(few_orgs, few_people) AS x(org_id, person_id) ON x.org_id = r.org_id AND x.person_id = r.person_id
   GROUP BY r.org_id, r.trainers
  ON CONFLICT (org_id, trainers_key) DO UPDATE SET people = s.people + EXCLUDED.people;

  -- A set nobody has any more keeps no row.
  DELETE FROM training_reach_sets s WHERE s.org_id IN (SELECT unnest(few_orgs)) AND s.people = 0;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION training_reach_participations_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM stored_counts_lock(array_agg(DISTINCT n.org_id)) FROM new_rows n; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM stored_counts_lock(array_agg(DISTINCT o.org_id)) FROM old_rows o; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM training_reach_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT n.org_id, n.person_id FROM new_rows n WHERE n.source = 'training' AND n.role = 'participant') d;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM training_reach_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT o.org_id, o.person_id FROM old_rows o WHERE o.source = 'training' AND o.role = 'participant') d;
  ELSE
    PERFORM training_reach_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT n.org_id, n.person_id FROM new_rows n WHERE n.source = 'training' AND n.role = 'participant'
            UNION SELECT o.org_id, o.person_id FROM old_rows o WHERE o.source = 'training' AND o.role = 'participant') d;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION training_reach_trainers_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  -- Locked before the course's participants are read, not after (see stored_counts_lock).
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM stored_counts_lock(array_agg(DISTINCT n.org_id)) FROM new_rows n; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM stored_counts_lock(array_agg(DISTINCT o.org_id)) FROM old_rows o; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM training_reach_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT p.org_id, p.person_id FROM (SELECT DISTINCT org_id, course_id FROM new_rows) c
              JOIN person_participations p ON p.org_id = c.org_id AND p.source = 'training' AND p.source_id = c.course_id AND p.role = 'participant') d;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM training_reach_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT p.org_id, p.person_id FROM (SELECT DISTINCT org_id, course_id FROM old_rows) c
              JOIN person_participations p ON p.org_id = c.org_id AND p.source = 'training' AND p.source_id = c.course_id AND p.role = 'participant') d;
  ELSE
    PERFORM training_reach_refresh(array_agg(d.org_id), array_agg(d.person_id))
      FROM (SELECT DISTINCT p.org_id, p.person_id
              FROM (SELECT org_id, course_id FROM new_rows UNION SELECT org_id, course_id FROM old_rows) c
              JOIN person_participations p ON p.org_id = c.org_id AND p.source = 'training' AND p.source_id = c.course_id AND p.role = 'participant') d;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP FUNCTION training_reach_lock(uuid[]);
