-- Shared events, how to register (issue 18.8): events have no public
-- registration page, so the organisation that shares its events says how the
-- federation's other organisations and their members register (a person,
-- phone, e-mail or its own registration link), and federation_events() hands
-- that on with every shared event. The online link of an event for the
-- owner's own members still stays with them (0073).
ALTER TABLE "event_settings" ADD COLUMN "registration_contact" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "event_settings" ADD CONSTRAINT "event_settings_registration_contact_check" CHECK (length("registration_contact") <= 300);
--> statement-breakpoint
-- A function's columns cannot change in place: dropped and made again, with the same rights.
DROP FUNCTION federation_events();
--> statement-breakpoint
CREATE FUNCTION federation_events() RETURNS TABLE (
  org_id uuid, org_name text, id uuid, title text, kind text, starts_at timestamptz, ends_at timestamptz,
  venue text, online_url text, description text, audience text, external boolean, organiser text, registration_contact text
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT p.org_id, p.org_name, e.id, e.title, e.kind, e.starts_at, e.ends_at,
         e.venue, CASE WHEN e.audience = 'public' THEN e.online_url ELSE '' END, e.description, e.audience, e.external, e.organiser,
         s.registration_contact
    FROM federation_peers() p
    JOIN event_settings s ON s.org_id = p.org_id AND s.share_with_federation
    JOIN events e ON e.org_id = p.org_id AND e.state = 'published'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION federation_events() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION federation_events() TO roundtable_app;
