-- Branches form a tree: refuse a parent that would make an organisation its
-- own ancestor. Checked here, beneath the service, because RLS hides the
-- upper levels of the tree from a request.
CREATE OR REPLACE FUNCTION orgs_refuse_cycle() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public
AS $$
DECLARE
  cursor_id uuid := NEW.parent_id;
  depth int := 0;
BEGIN
  WHILE cursor_id IS NOT NULL LOOP
    IF cursor_id = NEW.id THEN
      RAISE EXCEPTION 'organisation % would become its own ancestor', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'orgs_branch_cycle';
    END IF;
    depth := depth + 1;
    IF depth > 32 THEN
      RAISE EXCEPTION 'organisation tree deeper than 32 levels' USING ERRCODE = '23514', CONSTRAINT = 'orgs_branch_cycle';
    END IF;
    SELECT parent_id INTO cursor_id FROM orgs WHERE id = cursor_id;
  END LOOP;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER orgs_refuse_cycle BEFORE INSERT OR UPDATE OF parent_id ON orgs
  FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) EXECUTE FUNCTION orgs_refuse_cycle();
