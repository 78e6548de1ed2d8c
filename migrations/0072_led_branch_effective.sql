-- The share of measures still effective on the umbrella's LED roll-up over its
-- branches (issue 17.8 and 17.9; server/modules/led/umbrella-rollup-service.ts),
-- through the same door as migration 0066: SECURITY DEFINER functions for direct
-- branches of app_org() only, answering aggregates (and, for a branch that shares
-- upward, which of its measures count).
--
-- The rule is follow-up-service.ts's `measuresFollowedUp`, on each branch's own
-- today (its clock, passed in by the service since a branch's zone may be the
-- default of its country, which only the application knows): a measure carried
-- out (done, effective) whose 6-month follow-up is due counts; it is effective
-- when its latest answered follow-up among those due (answered by that day, in
-- the branch's zone) says so. A follow-up due and not answered keeps it in the
-- denominator.

-- Each measure of one direct branch that counts, with its region and whether it is still effective.
-- Not granted to the app: only the two functions below call it, with their owner's rights.
CREATE FUNCTION branch_led_followed_up_measures(p_branch uuid, p_today date, p_zone text) RETURNS TABLE (
  region_id uuid, measure_id uuid, effective boolean
) LANGUAGE sql STABLE SET search_path = public, pg_temp
AS $$
  SELECT m.region_id, m.id,
         coalesce((SELECT f.still_effective FROM led_follow_ups f
                    WHERE f.org_id = m.org_id AND f.measure_id = m.id AND f.answered_at IS NOT NULL
                      AND f.due_on <= p_today AND (f.answered_at AT TIME ZONE p_zone)::date <= p_today
                    ORDER BY f.months DESC LIMIT 1), false)
    FROM orgs o JOIN led_measures m ON m.org_id = o.id
   WHERE o.id = p_branch AND o.parent_id = app_org()
     AND m.status IN ('done', 'effective')
     AND (m.ends_on + interval '6 months')::date <= p_today
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_led_followed_up_measures(uuid, date, text) FROM PUBLIC;
--> statement-breakpoint
-- Still effective of those followed up, per branch (region_id null; for every branch, a count as
-- branch_led_rollup's totals) and per region of a branch that shares upward. p_branches, p_days and
-- p_zones go together: each branch with its today and its time zone.
CREATE FUNCTION branch_led_effective(p_branches uuid[], p_days date[], p_zones text[]) RETURNS TABLE (
  branch_id uuid, region_id uuid, effective integer, followed_up integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH d AS (
    SELECT o.id, o.share_member_data_upward AS shares, x.today, x.zone
      FROM unnest(p_branches, p_days, p_zones) AS x(id, today, zone)
      JOIN orgs o ON o.id = x.id AND o.parent_id = app_org()),
  f AS (SELECT d.id, d.shares, m.region_id, m.effective FROM d CROSS JOIN LATERAL branch_led_followed_up_measures(d.id, d.today, d.zone) m)
  SELECT d.id, NULL::uuid, (count(*) FILTER (WHERE f.effective))::int, count(f.region_id)::int
    FROM d LEFT JOIN f ON f.id = d.id GROUP BY d.id
  UNION ALL
  SELECT f.id, f.region_id, (count(*) FILTER (WHERE f.effective))::int, count(*)::int
    FROM f WHERE f.shares GROUP BY f.id, f.region_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_led_effective(uuid[], date[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_led_effective(uuid[], date[], text[]) TO roundtable_app;
--> statement-breakpoint
-- Which measures behind a branch's share count, and which are still effective: only for a direct
-- branch that shares upward (its measures cross as branch_led_measures'); otherwise no row at all.
CREATE FUNCTION branch_led_measures_effective(p_branch uuid, p_today date, p_zone text) RETURNS TABLE (
  measure_id uuid, effective boolean
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT m.measure_id, m.effective
    FROM orgs o CROSS JOIN LATERAL branch_led_followed_up_measures(o.id, p_today, p_zone) m
   WHERE o.id = p_branch AND o.parent_id = app_org() AND o.share_member_data_upward
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_led_measures_effective(uuid, date, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_led_measures_effective(uuid, date, text) TO roundtable_app;
