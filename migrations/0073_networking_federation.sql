-- Across the federation (issue 18.8): each organisation of a federation (an
-- umbrella and its direct branches) chooses, kind by kind, whether the others
-- see its published information entries (networking_settings, read by
-- server/modules/networking/federation-service.ts) and its published events
-- (event_settings, server/modules/events/federation-service.ts). The choice is
-- the owner's own, off by default, as share_capacity_with_siblings (0061).
--
-- Row-level security keeps every tenant to its own rows and is not widened:
-- only the SECURITY DEFINER functions below cross, for app_org() (the
-- transaction's tenant, never a parameter), returning the public columns of
-- what a peer chose to share. Nothing crosses for writing.
ALTER TABLE "networking_settings" ADD COLUMN "share_info_with_federation" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- The other organisations of app_org()'s federation: its umbrella, its own
-- branches and its sibling branches (one level, as every branch function).
-- Not granted to the app: only the functions below call it, with their owner's rights.
CREATE FUNCTION federation_peers() RETURNS TABLE (org_id uuid, org_name text)
LANGUAGE sql STABLE SET search_path = public, pg_temp
AS $$
  SELECT o.id, o.name
    FROM orgs me
    JOIN orgs o ON o.id <> me.id AND (o.parent_id = me.id OR o.id = me.parent_id OR o.parent_id = me.parent_id)
   WHERE me.id = app_org()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION federation_peers() FROM PUBLIC;
--> statement-breakpoint
-- The published information entries of the peers that share theirs, with the
-- organisation they come from. No draft, archived entry, enquiry link or state.
CREATE FUNCTION federation_info_entries() RETURNS TABLE (
  org_id uuid, org_name text, id uuid, type text, title text, body text, source text, source_url text,
  review_on date, sectors text[], hs_codes text[], countries text[], published_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT p.org_id, p.org_name, e.id, e.type, e.title, e.body, e.source, e.source_url,
         e.review_on, e.sectors, e.hs_codes, e.countries, e.published_at
    FROM federation_peers() p
    JOIN networking_settings s ON s.org_id = p.org_id AND s.share_info_with_federation
    JOIN networking_info_entries e ON e.org_id = p.org_id AND e.state = 'published'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION federation_info_entries() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION federation_info_entries() TO roundtable_app;
--> statement-breakpoint
-- The events module's own choice (server/modules/events, federation-service.ts):
-- whether the federation's other organisations see its published events. One
-- row per organisation that has chosen; none is "not shared".
CREATE TABLE "event_settings" (
	"org_id" uuid NOT NULL,
	"share_with_federation" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_settings_pkey" PRIMARY KEY("org_id")
);
--> statement-breakpoint
ALTER TABLE "event_settings" ADD CONSTRAINT "event_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON event_settings TO roundtable_app;
--> statement-breakpoint
ALTER TABLE event_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY event_settings_tenant ON event_settings FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
-- The published events (not drafts, not cancelled) of the peers that share
-- theirs, with the organisation they come from: what a calendar shows, never
-- who registered, seats, fees or the check-in key. The online link of an
-- event for the owner's own members stays with them: anyone signed in to a
-- peer (its members too) reads this list.
CREATE FUNCTION federation_events() RETURNS TABLE (
  org_id uuid, org_name text, id uuid, title text, kind text, starts_at timestamptz, ends_at timestamptz,
  venue text, online_url text, description text, audience text, external boolean, organiser text
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT p.org_id, p.org_name, e.id, e.title, e.kind, e.starts_at, e.ends_at,
         e.venue, CASE WHEN e.audience = 'public' THEN e.online_url ELSE '' END, e.description, e.audience, e.external, e.organiser
    FROM federation_peers() p
    JOIN event_settings s ON s.org_id = p.org_id AND s.share_with_federation
    JOIN events e ON e.org_id = p.org_id AND e.state = 'published'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION federation_events() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION federation_events() TO roundtable_app;
