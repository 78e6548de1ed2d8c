-- The umbrella's results dashboard broken down by sex and by age band (issue 20): a direct
-- branch's people of each selection, as its own reports count them, now by cell instead of in
-- total. The branch's own report breaks its people down from people_counted()'s rows (sex,
-- birth year or band stated, the year of the first participation selected: the age band on
-- that day follows from them, people/figures-service.ts); the umbrella gets those same rows,
-- so its breakdown of a branch is the branch's own, and female + male + not stated and the
-- age bands add up to the branch's total. Still counts only, never who: a person is not a row
-- but one in `people` of people alike. For any other organisation (a sibling, the umbrella, a
-- stranger) no row at all, as before (migration 0071).
DROP FUNCTION branch_people_counted(uuid, date, date, jsonb);
--> statement-breakpoint
CREATE FUNCTION branch_people_counted(p_branch uuid, p_starts date, p_ends date, p_selections jsonb) RETURNS TABLE (
  selection integer, sex text, birth_year integer, age_band text, year integer, people integer, participations integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT c.selection, c.sex, c.birth_year, c.age_band, c.year, c.people, c.participations
    FROM orgs o CROSS JOIN LATERAL people_counted(o.id, p_starts, p_ends, p_selections) c
   WHERE o.id = p_branch AND o.parent_id = app_org()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_people_counted(uuid, date, date, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_people_counted(uuid, date, date, jsonb) TO roundtable_app;
