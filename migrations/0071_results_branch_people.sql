-- The umbrella's results dashboard over its branches' own records (server/modules/results,
-- umbrella-dashboard-service.ts, issue 20.5), as branch_led_rollup() (migration 0066) reads
-- their LED figures: the branches are organisations of their own, so only counts cross,
-- computed with the owner's rights for direct branches of app_org() only.
--
-- How the people indicators count is written once, here: people_counted() is what the
-- people module's peopleCountedBetween() runs for the organisation itself (as the app role,
-- under row-level security), and branch_people_counted() runs the same function for a
-- branch. People belong to one organisation and nobody is linked across organisations, so
-- the umbrella adds the branches' unique counts up.

-- The people of each selection of participations in a period: each person once, with the
-- year of their first participation selected and how many (so an age band on that day and
-- the records behind it), grouped by who they are (sex, birth year or band stated). A
-- selection is {"roles": [...], "source"?: text, "kind"?: text}; `selection` is its place
-- in the list, from 0. One pass over the period's participations for every selection
-- (a FILTER per selection, the values quoted by format's %L), grouped by person first, then
-- people alike together: a few thousand rows at most, and only they leave the database.
CREATE FUNCTION people_counted(p_org uuid, p_starts date, p_ends date, p_selections jsonb) RETURNS TABLE (
  selection integer, sex text, birth_year integer, age_band text, year integer, people integer, participations integer
) LANGUAGE plpgsql STABLE
AS $$
DECLARE
  e jsonb;
  i integer := 0;
  c text;
  selected text[] := '{}';
  per_person text[] := '{}';
  summed text[] := '{}';
  years text[] := '{}';
  unpivot text[] := '{}';
BEGIN
  FOR e IN SELECT t.value FROM jsonb_array_elements(p_selections) WITH ORDINALITY AS t(value, ord) ORDER BY t.ord LOOP
    c := format('p.role = ANY (%L::text[])', ARRAY(SELECT jsonb_array_elements_text(e -> 'roles')));
    IF e ? 'source' THEN c := c || format(' AND p.source = %L', e ->> 'source'); END IF;
    IF e ? 'kind' THEN c := c || format(' AND p.kind = %L', e ->> 'kind'); END IF;
    selected := selected || ('(' || c || ')');
    per_person := per_person || format('extract(year FROM min(p.occurred_on) FILTER (WHERE %s))::int AS y_%s, count(*) FILTER (WHERE %s) AS n_%s', c, i, c, i);
    summed := summed || format('sum(x.n_%s) AS n_%s', i, i);
    years := years || format('x.y_%s', i);
    unpivot := unpivot || format('(%s, g.y_%s, g.n_%s)', i, i, i);
    i := i + 1;
  END LOOP;
  IF i = 0 THEN RETURN; END IF;
  RETURN QUERY EXECUTE format($q$
    WITH per_person AS (
      SELECT p.person_id, %1$s
        FROM person_participations p
       WHERE p.org_id = $1 AND p.occurred_on BETWEEN $2 AND $3 AND (%2$s)
       GROUP BY p.person_id),
    alike AS (
      SELECT per.sex, per.birth_year, per.age_band, %3$s, count(*) AS people, %4$s
        FROM per_person x
        JOIN people per ON per.org_id = $1 AND per.id = x.person_id
       GROUP BY per.sex, per.birth_year, per.age_band, %3$s)
    SELECT u.i, g.sex, g.birth_year, g.age_band, u.y, sum(g.people)::int, sum(u.n)::int
      FROM alike g CROSS JOIN LATERAL (VALUES %5$s) AS u(i, y, n)
     WHERE u.y IS NOT NULL
     GROUP BY u.i, g.sex, g.birth_year, g.age_band, u.y$q$,
    array_to_string(per_person, ', '), array_to_string(selected, ' OR '), array_to_string(years, ', '),
    array_to_string(summed, ', '), array_to_string(unpivot, ', '))
  USING p_org, p_starts, p_ends;
END
$$;
--> statement-breakpoint
-- A direct branch's people of each selection, as its own reports count them (people_counted
-- with the owner's rights): totals only, people and participations per selection, never who.
-- For any other organisation (a sibling, the umbrella, a stranger) no row at all.
CREATE FUNCTION branch_people_counted(p_branch uuid, p_starts date, p_ends date, p_selections jsonb) RETURNS TABLE (
  selection integer, people integer, participations integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT c.selection, sum(c.people)::int, sum(c.participations)::int
    FROM orgs o CROSS JOIN LATERAL people_counted(o.id, p_starts, p_ends, p_selections) c
   WHERE o.id = p_branch AND o.parent_id = app_org()
   GROUP BY c.selection
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_people_counted(uuid, date, date, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_people_counted(uuid, date, date, jsonb) TO roundtable_app;
