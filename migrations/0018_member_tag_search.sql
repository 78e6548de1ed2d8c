-- Under row-level security the planner may not use the GIN index for
-- `tags @> …` (array containment is not leakproof), so a tag filter read
-- every firm of the organisation. This function runs as the owner, applies
-- the organisation itself, and so can use the index.
CREATE OR REPLACE FUNCTION members_tagged(t text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 500
AS $$ SELECT id FROM members WHERE org_id = app_org() AND tags @> ARRAY[t] $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION members_tagged(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION members_tagged(text) TO roundtable_app;
