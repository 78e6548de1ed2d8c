-- The umbrella's view of its branches. Every branch is a row, with zeros
-- where it has no firms yet (the join used to drop it), and says whether it
-- shares its member data upward. Only counts cross here, computed with the
-- owner's rights.
DROP FUNCTION IF EXISTS branch_member_summary();
--> statement-breakpoint
CREATE FUNCTION branch_membership() RETURNS TABLE (
  org_id uuid, org_name text, shares_member_data boolean,
  firms integer, active integer, applicants integer, lapsed integer, women_led_active integer, informal_active integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT o.id, o.name, o.share_member_data_upward,
    count(m.id)::int,
    (count(m.id) FILTER (WHERE m.status = 'active'))::int,
    (count(m.id) FILTER (WHERE m.status = 'applicant'))::int,
    (count(m.id) FILTER (WHERE m.status = 'lapsed'))::int,
    (count(m.id) FILTER (WHERE m.status = 'active' AND m.women_led))::int,
    (count(m.id) FILTER (WHERE m.status = 'active' AND m.formality = 'informal'))::int
  FROM orgs o LEFT JOIN members m ON m.org_id = o.id
  WHERE o.parent_id = app_org()
  GROUP BY o.id, o.name, o.share_member_data_upward
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_membership() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_membership() TO roundtable_app;
--> statement-breakpoint
-- A branch's firms, one page in name order, for its umbrella: only when the
-- branch chose to share its member data upward; otherwise no row at all.
CREATE FUNCTION shared_branch_firms(p_branch uuid, p_after_name text, p_after_id uuid, p_limit integer) RETURNS TABLE (
  id uuid, legal_name text, isic_class text, region text, size_class text, status text, women_led boolean, formality text, joined_on date
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT m.id, m.legal_name, m.isic_class, m.region, m.size_class, m.status, m.women_led, m.formality, m.joined_on
  FROM members m JOIN orgs o ON o.id = m.org_id
  WHERE o.id = p_branch AND o.parent_id = app_org() AND o.share_member_data_upward
    AND (p_after_name IS NULL OR (m.legal_name, m.id) > (p_after_name, p_after_id))
  ORDER BY m.legal_name, m.id
  LIMIT least(p_limit, 201)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION shared_branch_firms(uuid, text, uuid, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION shared_branch_firms(uuid, text, uuid, integer) TO roundtable_app;
