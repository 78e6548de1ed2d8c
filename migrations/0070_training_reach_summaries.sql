-- The lineage report's stored reach (server/modules/training, lineage-service.ts,
-- issue 19). Counting reach took one hash of every (trainer, generation, person)
-- triple per request (~66,000 participations on the benchmark: p95 344–526 ms
-- quiet, target 300 ms); these tables hold who reached whom, kept exact on every
-- write, so the report reads one row per group of people reached by the same
-- trainers.
--
--   training_reach_people  a participant and the trainers of the courses they
--                          attended (sorted, once each; the trainer ids as
--                          training_course_trainers holds them)
--   training_reach_sets    a set of trainers and how many people exactly that
--                          set reached
--
-- Nothing here depends on the tree of trainers (generations come from
-- certifications and change whole branches at once): the report maps each
-- set's trainers to their current record and generation when it reads, so a
-- certification, or a merge of two trainers' records, needs no refresh.
-- A person counts for a trainer, a generation and overall when their set
-- holds such a trainer; only participants (source 'training', role
-- 'participant') of courses someone runs are counted, as the live count did.
--
-- Kept by triggers, not by the training service: the people module writes these
-- records too without knowing training (merging two people moves their records,
-- removing a person removes them). As the LED roll-up (migration 0064): the
-- refresh takes the people a statement touched out of the sets, counts them
-- again from the records and adds them back, under a per-organisation lock, in
-- the writing transaction. A course's trainer added or removed recounts the
-- course's people. The app reads these tables and never writes them.
CREATE TABLE "training_reach_people" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"trainers" uuid[] NOT NULL,
	CONSTRAINT "training_reach_people_pkey" PRIMARY KEY("org_id","person_id")
);
--> statement-breakpoint
-- Keyed by a digest of the sorted trainers: a btree entry of the array itself is refused past ~160 ids.
CREATE TABLE "training_reach_sets" (
	"org_id" uuid NOT NULL,
	"trainers_key" bytea NOT NULL,
	"trainers" uuid[] NOT NULL,
	"people" integer NOT NULL,
	CONSTRAINT "training_reach_sets_pkey" PRIMARY KEY("org_id","trainers_key")
);
--> statement-breakpoint
ALTER TABLE "training_reach_people" ADD CONSTRAINT "training_reach_people_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reach_sets" ADD CONSTRAINT "training_reach_sets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
GRANT SELECT ON training_reach_people, training_reach_sets TO roundtable_app;
--> statement-breakpoint
ALTER TABLE training_reach_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE training_reach_sets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_reach_people_tenant ON training_reach_people FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
CREATE POLICY training_reach_sets_tenant ON training_reach_sets FOR SELECT TO roundtable_app USING (org_id = app_org());
--> statement-breakpoint
-- Built-in functions only (pg_catalog comes first in any search path), and no SET clause, so it inlines.
CREATE FUNCTION training_reach_key(p_trainers uuid[]) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT sha256(convert_to(array_to_string(p_trainers, ','), 'UTF8')) $$;
--> statement-breakpoint
-- Counts an organisation's people again from all its records: for a statement touching many people
-- (an import, the first count of this migration), where grouping every record once is faster.
CREATE FUNCTION training_reach_recount_org(p_org uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  DELETE FROM training_reach_people WHERE org_id = p_org;
  DELETE FROM training_reach_sets WHERE org_id = p_org;
  INSERT INTO training_reach_people (org_id, person_id, trainers)
  SELECT p_org, p.person_id, array_agg(DISTINCT t.person_id ORDER BY t.person_id)
    FROM person_participations p JOIN training_course_trainers t ON t.org_id = p.org_id AND t.course_id = p.source_id
   WHERE p.org_id = p_org AND p.source = 'training' AND p.role = 'participant'
   GROUP BY p.person_id;
  INSERT INTO training_reach_sets (org_id, trainers_key, trainers, people)
  SELECT p_org, training_reach_key(trainers), trainers, count(*)::int FROM training_reach_people WHERE org_id = p_org GROUP BY trainers;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION training_reach_recount_org(uuid) FROM PUBLIC;
--> statement-breakpoint
-- One writer of an organisation's sets at a time (in the order of the ids, so two cannot wait on
-- each other). Taken by the triggers before they read whom a change touches, and again (a no-op) by
-- the refresh: a statement after the lock reads with a snapshot that holds what the previous holder
-- committed (a trainer added while a participant checks in reaches both).
CREATE FUNCTION training_reach_lock(p_orgs uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  o uuid;
BEGIN
  FOR o IN SELECT DISTINCT x FROM unnest(p_orgs) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('training_reach:' || o::text, 0));
  END LOOP;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION training_reach_lock(uuid[]) FROM PUBLIC;
--> statement-breakpoint
-- Recounts these people (organisation, person pairs): takes them out of their sets, counts their
-- trainers again from the records, and adds them back. An organisation with more than 1,000 of them
-- in one statement is counted again whole.
CREATE FUNCTION training_reach_refresh(p_orgs uuid[], p_people uuid[]) RETURNS void
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
  PERFORM training_reach_lock(p_orgs);
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
REVOKE ALL ON FUNCTION training_reach_refresh(uuid[], uuid[]) FROM PUBLIC;
--> statement-breakpoint
-- The participants a statement on person_participations touched, before and after.
CREATE FUNCTION training_reach_participations_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM training_reach_lock(array_agg(DISTINCT n.org_id)) FROM new_rows n; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM training_reach_lock(array_agg(DISTINCT o.org_id)) FROM old_rows o; END IF;
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
REVOKE ALL ON FUNCTION training_reach_participations_changed() FROM PUBLIC;
--> statement-breakpoint
-- The participants of the courses whose trainers a statement added, removed or changed.
CREATE FUNCTION training_reach_trainers_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  -- Locked before the course's participants are read, not after (see training_reach_lock).
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM training_reach_lock(array_agg(DISTINCT n.org_id)) FROM new_rows n; END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM training_reach_lock(array_agg(DISTINCT o.org_id)) FROM old_rows o; END IF;
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
REVOKE ALL ON FUNCTION training_reach_trainers_changed() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER training_reach_participations_insert AFTER INSERT ON person_participations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_reach_participations_changed();
--> statement-breakpoint
CREATE TRIGGER training_reach_participations_delete AFTER DELETE ON person_participations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_reach_participations_changed();
--> statement-breakpoint
CREATE TRIGGER training_reach_participations_update AFTER UPDATE ON person_participations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_reach_participations_changed();
--> statement-breakpoint
CREATE TRIGGER training_reach_trainers_insert AFTER INSERT ON training_course_trainers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_reach_trainers_changed();
--> statement-breakpoint
CREATE TRIGGER training_reach_trainers_delete AFTER DELETE ON training_course_trainers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_reach_trainers_changed();
--> statement-breakpoint
CREATE TRIGGER training_reach_trainers_update AFTER UPDATE ON training_course_trainers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_reach_trainers_changed();
--> statement-breakpoint
-- What was recorded before this migration.
SELECT training_reach_recount_org(o.id) FROM orgs o
 WHERE EXISTS (SELECT 1 FROM person_participations p WHERE p.org_id = o.id AND p.source = 'training' AND p.role = 'participant');
