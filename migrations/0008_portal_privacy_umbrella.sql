GRANT SELECT, INSERT, UPDATE, DELETE ON member_portal_access TO roundtable_app;
--> statement-breakpoint
ALTER TABLE member_portal_access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_portal_access_tenant ON member_portal_access FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
-- Erasing a person must also take their data out of the audit log, which
-- the app may otherwise never rewrite: only this function may, and only
-- within the current organisation and for the one record named.
CREATE OR REPLACE FUNCTION scrub_audit_entity(p_entity_type text, p_entity_id text) RETURNS integer
  LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
  WITH scrubbed AS (
    UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
                         after = CASE WHEN after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
    WHERE org_id = app_org() AND entity_type = p_entity_type AND entity_id = p_entity_id
    RETURNING 1)
  SELECT count(*)::int FROM scrubbed
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION scrub_audit_entity(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION scrub_audit_entity(text, text) TO roundtable_app;
--> statement-breakpoint
-- An umbrella sees its branches' membership in figures, never their firms:
-- aggregates per branch, computed with the owner's rights.
CREATE OR REPLACE FUNCTION branch_member_summary() RETURNS TABLE (
  org_id uuid, org_name text, status text, size_class text, isic_section text, women_led boolean, informal boolean, firms integer
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT o.id, o.name, m.status, m.size_class, m.isic_section, m.women_led, m.formality = 'informal', count(*)::int
  FROM orgs o JOIN members m ON m.org_id = o.id
  WHERE o.parent_id = app_org()
  GROUP BY o.id, o.name, m.status, m.size_class, m.isic_section, m.women_led, m.formality
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION branch_member_summary() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION branch_member_summary() TO roundtable_app;
