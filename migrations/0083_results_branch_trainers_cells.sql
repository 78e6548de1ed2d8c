-- Trainers certified in a direct branch's own records by cell (issue 20: the umbrella's
-- dashboard by sex and by age band), replacing 0076's totals. Counted as the branch's own
-- report counts them (training/figures-service.ts, trainersCertifiedBetween, then the
-- results engine): each person once, a record merged into another counting as the record
-- it became, with that record's sex and, on the day of the person's first certification of
-- the period, its age band (from the birth year or the band stated, worked out in
-- training/figures-service.ts as people_counted()'s rows are). People alike come together:
-- counts only, never who. For any other organisation than a direct branch of app_org() no row.
DROP FUNCTION branch_trainers_certified(uuid, date, date);
--> statement-breakpoint
CREATE FUNCTION branch_trainers_certified(p_branch uuid, p_starts date, p_ends date) RETURNS TABLE (
  sex text, birth_year integer, age_band text, year integer, people integer, certifications integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH per_person AS (
    SELECT coalesce(per.merged_into_id, per.id) AS person_id, min(c.certified_on) AS first_on, count(*) AS n
      FROM orgs o
      JOIN training_certifications c ON c.org_id = o.id AND c.certified_on BETWEEN p_starts AND p_ends
      JOIN people per ON per.org_id = c.org_id AND per.id = c.person_id
     WHERE o.id = p_branch AND o.parent_id = app_org()
     GROUP BY coalesce(per.merged_into_id, per.id))
  SELECT cur.sex, cur.birth_year, cur.age_band, extract(year FROM x.first_on)::int, count(*)::int, sum(x.n)::int
    FROM per_person x
    JOIN people cur ON cur.org_id = p_branch AND cur.id = x.person_id
   GROUP BY cur.sex, cur.birth_year, cur.age_band, extract(year FROM x.first_on)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_trainers_certified(uuid, date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_trainers_certified(uuid, date, date) TO roundtable_app;
