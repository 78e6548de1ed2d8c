-- An advocacy issue's priority is computed by the database, so its list is
-- sorted and paged by it there (issue 15.3), and the formula is written once.
--
-- Intake's part: the distinct firms behind some member issues (a firm in two
-- of them counts once). Invoker's rights: row-level security applies.
CREATE FUNCTION member_issues_firms(org uuid, issue_ids uuid[]) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT count(DISTINCT member_id)::integer FROM member_issue_firms WHERE org_id = org AND issue_id = ANY(issue_ids)
$$;
--> statement-breakpoint
-- Advocacy's part: how urgently an issue deserves the organisation's effort,
-- 0–100 (server/modules/advocacy/priority.ts says why): 40 for reach, on a
-- log scale full at 100 firms, 35 for severity and 25 for feasibility (1–5).
-- Rounded half up, as before in JavaScript.
CREATE FUNCTION advocacy_priority(firms integer, severity integer, feasibility integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT round((
    40 * least(1, ln(1 + greatest(0, firms)::float8) / ln(101::float8))
    + 35 * (least(5, greatest(1, severity)) - 1)::float8 / 4
    + 25 * (least(5, greatest(1, feasibility)) - 1)::float8 / 4
  )::numeric)::integer
$$;
