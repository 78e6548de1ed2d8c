-- Trainers certified in a direct branch's own records, for the umbrella's results dashboard
-- (server/modules/results, umbrella-dashboard-service.ts, issue 20), as branch_people_counted()
-- (migration 0071) crosses the people indicators: the branch is an organisation of its own,
-- so only its totals cross, computed with the owner's rights for direct branches of app_org().
--
-- Counted as the branch's own results count them (training/figures-service.ts,
-- trainersCertifiedBetween): the certifications of the period, each person once, a record
-- merged into another counting as the record it became. People belong to one organisation
-- and nobody is linked across organisations: the umbrella adds this up with the other
-- branches', as it does people trained.
-- One row for a direct branch (no certification: zeros); for any other organisation none.
CREATE FUNCTION branch_trainers_certified(p_branch uuid, p_starts date, p_ends date) RETURNS TABLE (
  people integer, certifications integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT count(DISTINCT coalesce(per.merged_into_id, per.id))::int, count(per.id)::int
    FROM orgs o
    LEFT JOIN training_certifications c ON c.org_id = o.id AND c.certified_on BETWEEN p_starts AND p_ends
    LEFT JOIN people per ON per.org_id = c.org_id AND per.id = c.person_id
   WHERE o.id = p_branch AND o.parent_id = app_org()
   GROUP BY o.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_trainers_certified(uuid, date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_trainers_certified(uuid, date, date) TO roundtable_app;
