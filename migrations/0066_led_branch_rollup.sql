-- The umbrella's LED roll-up over its branches (server/modules/led,
-- umbrella-rollup-service.ts, issue 17.9), as branch_membership() (migration
-- 0025) reads their firms and branch_capacity() (0048) their capacity: the
-- branches are organisations of their own, so only what these functions
-- return crosses, computed with the owner's rights for direct branches of
-- app_org() only.
--
-- Consent is the branch's own `share_member_data_upward`, the rule members
-- follow: counts cross for every branch (one total row per branch); a
-- branch's regions, its measures and the names of its people only when it
-- shares upward. People belong to one organisation and the people module
-- links nobody across organisations, so across branches nobody is merged:
-- each branch's people once, the umbrella's total the branches' added up.

-- A row per branch with its totals (region_id null; sum_of_regions: its regions'
-- people added up, a count that crosses for every branch), and for a branch that
-- shares upward a row per region. People per role from the stored counts
-- (migration 0064): each once per region, once over the branch.
CREATE FUNCTION branch_led_rollup() RETURNS TABLE (
  branch_id uuid, branch_name text, shares boolean, currency text,
  region_id uuid, region_name text, region_code text, district text,
  measures integer, budget bigint, planned bigint, actual bigint,
  role text, people integer, sum integer, in_several_measures integer, in_several_regions integer, sum_of_regions integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  WITH b AS (SELECT o.id, o.name, o.share_member_data_upward AS shares, o.currency FROM orgs o WHERE o.parent_id = app_org()),
  lines AS (
    SELECT l.org_id, l.measure_id, sum(l.planned) AS planned, sum(l.actual) AS actual
      FROM led_budget_lines l JOIN b ON b.id = l.org_id GROUP BY 1, 2),
  per_region AS (
    SELECT m.org_id, m.region_id, count(*)::int AS measures, sum(m.budget)::bigint AS budget,
           coalesce(sum(lines.planned), 0)::bigint AS planned, coalesce(sum(lines.actual), 0)::bigint AS actual
      FROM led_measures m JOIN b ON b.id = m.org_id
      LEFT JOIN lines ON lines.org_id = m.org_id AND lines.measure_id = m.id
     GROUP BY 1, 2),
  roles AS (SELECT unnest(ARRAY['participant', 'new_job', 'higher_income']) AS role)
  -- each branch's totals
  SELECT b.id, b.name, b.shares, b.currency, NULL::uuid, NULL::text, NULL::text, NULL::text,
         coalesce((SELECT sum(p.measures) FROM per_region p WHERE p.org_id = b.id), 0)::int,
         coalesce((SELECT sum(p.budget) FROM per_region p WHERE p.org_id = b.id), 0)::bigint,
         coalesce((SELECT sum(p.planned) FROM per_region p WHERE p.org_id = b.id), 0)::bigint,
         coalesce((SELECT sum(p.actual) FROM per_region p WHERE p.org_id = b.id), 0)::bigint,
         r.role, coalesce(t.people, 0), coalesce(t.sum, 0), coalesce(t.in_several_measures, 0), coalesce(t.in_several_regions, 0),
         coalesce((SELECT sum(c.people) FROM led_rollup_region_counts c WHERE c.org_id = b.id AND c.role = r.role), 0)::int
    FROM b CROSS JOIN roles r
    LEFT JOIN led_rollup_totals t ON t.org_id = b.id AND t.role = r.role
  UNION ALL
  -- the regions of a branch that shares upward
  SELECT b.id, b.name, b.shares, b.currency, g.id, g.name, g.region, g.district,
         coalesce(p.measures, 0), coalesce(p.budget, 0), coalesce(p.planned, 0), coalesce(p.actual, 0),
         r.role, coalesce(c.people, 0), coalesce(c.sum, 0), 0, 0, 0
    FROM b JOIN led_regions g ON g.org_id = b.id CROSS JOIN roles r
    LEFT JOIN per_region p ON p.org_id = g.org_id AND p.region_id = g.id
    LEFT JOIN led_rollup_region_counts c ON c.org_id = g.org_id AND c.region_id = g.id AND c.role = r.role
   WHERE b.shares
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_led_rollup() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_led_rollup() TO roundtable_app;
--> statement-breakpoint
-- The measures behind a branch's figures (of one region, or all), each with its own figures counted
-- live from the participation records (each person once per measure and role): only for a direct
-- branch that shares upward; otherwise no row at all.
CREATE FUNCTION branch_led_measures(p_branch uuid, p_region uuid) RETURNS TABLE (
  id uuid, title text, region_id uuid, region_name text, status text, starts_on date, ends_on date,
  budget bigint, planned bigint, actual bigint, participants integer, new_jobs integer, higher_income integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT m.id, m.title, m.region_id, g.name, m.status, m.starts_on, m.ends_on, m.budget,
         coalesce((SELECT sum(l.planned) FROM led_budget_lines l WHERE l.org_id = m.org_id AND l.measure_id = m.id), 0)::bigint,
         coalesce((SELECT sum(l.actual) FROM led_budget_lines l WHERE l.org_id = m.org_id AND l.measure_id = m.id), 0)::bigint,
         (SELECT count(DISTINCT pp.person_id) FROM person_participations pp WHERE pp.org_id = m.org_id AND pp.source = 'led' AND pp.kind = 'measure' AND pp.source_id = m.id AND pp.role = 'participant')::int,
         (SELECT count(DISTINCT pp.person_id) FROM person_participations pp WHERE pp.org_id = m.org_id AND pp.source = 'led' AND pp.kind = 'measure' AND pp.source_id = m.id AND pp.role = 'new_job')::int,
         (SELECT count(DISTINCT pp.person_id) FROM person_participations pp WHERE pp.org_id = m.org_id AND pp.source = 'led' AND pp.kind = 'measure' AND pp.source_id = m.id AND pp.role = 'higher_income')::int
    FROM orgs o
    JOIN led_measures m ON m.org_id = o.id
    JOIN led_regions g ON g.org_id = m.org_id AND g.id = m.region_id
   WHERE o.id = p_branch AND o.parent_id = app_org() AND o.share_member_data_upward
     AND (p_region IS NULL OR m.region_id = p_region)
   ORDER BY g.name, m.starts_on, m.title, m.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_led_measures(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_led_measures(uuid, uuid) TO roundtable_app;
--> statement-breakpoint
-- The people behind a branch's figure of one role (of one region, or all), each once, in name order,
-- a page at a time, with the measures they were recorded on and the total; counted live. Only for a
-- direct branch that shares upward; otherwise no row at all.
CREATE FUNCTION branch_led_people(p_branch uuid, p_role text, p_region uuid, p_after_name text, p_after_id uuid, p_limit integer) RETURNS TABLE (
  id uuid, name text, sex text, measure_ids uuid[], total integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  WITH rec AS (
    SELECT pp.person_id, array_agg(DISTINCT pp.source_id) AS measure_ids
      FROM orgs o
      JOIN person_participations pp ON pp.org_id = o.id
      JOIN led_measures m ON m.org_id = pp.org_id AND m.id = pp.source_id
     WHERE o.id = p_branch AND o.parent_id = app_org() AND o.share_member_data_upward
       AND pp.source = 'led' AND pp.kind = 'measure' AND pp.role = p_role
       AND (p_region IS NULL OR m.region_id = p_region)
     GROUP BY pp.person_id),
  n AS (SELECT count(*)::int AS total FROM rec)
  SELECT p.id, p.name, p.sex, rec.measure_ids, n.total
    FROM rec JOIN people p ON p.org_id = p_branch AND p.id = rec.person_id CROSS JOIN n
   WHERE p_after_name IS NULL OR (p.name, p.id) > (p_after_name, p_after_id)
   ORDER BY p.name, p.id
   LIMIT least(p_limit, 201)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_led_people(uuid, text, uuid, text, uuid, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_led_people(uuid, text, uuid, text, uuid, integer) TO roundtable_app;
