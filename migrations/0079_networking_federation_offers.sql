-- Across the federation, continued (issue 18.8): an organisation may also
-- share its cooperation offers and requests with the other organisations of
-- its federation (federation_peers() of 0073), as it shares its information
-- entries: its own choice, off by default (networking_settings, read by
-- server/modules/networking/federation-service.ts).
--
-- Row-level security is not widened: only the SECURITY DEFINER function below
-- crosses, for app_org() (never a parameter), returning the public columns of
-- what a peer shares. The firm behind an offer is not named across
-- organisations (no member id, name or contact): an interest goes to the
-- chamber that owns the offer, reached through the contact it gives here.
ALTER TABLE "networking_settings" ADD COLUMN "share_offers_with_federation" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Whom the federation's other organisations call about what is shared (a
-- person, phone, e-mail): organisations keep no contact of their own.
ALTER TABLE "networking_settings" ADD COLUMN "federation_contact" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "networking_settings" ADD CONSTRAINT "networking_settings_federation_contact_check" CHECK (length("federation_contact") <= 300);
--> statement-breakpoint
-- Who a given organisation's federation is (its umbrella, its branches, its
-- siblings): written once here, for federation_peers() (the tenant's own,
-- 0073) and for the digest job below, which has no tenant. Not granted to the
-- app: a tenant could name any organisation.
CREATE FUNCTION federation_peers_of(org uuid) RETURNS TABLE (org_id uuid, org_name text)
LANGUAGE sql STABLE SET search_path = public, pg_temp
AS $$
  SELECT o.id, o.name
    FROM orgs me
    JOIN orgs o ON o.id <> me.id AND (o.parent_id = me.id OR o.id = me.parent_id OR o.parent_id = me.parent_id)
   WHERE me.id = org
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION federation_peers_of(uuid) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION federation_peers() RETURNS TABLE (org_id uuid, org_name text)
LANGUAGE sql STABLE SET search_path = public, pg_temp
AS $$
  SELECT p.org_id, p.org_name FROM federation_peers_of(app_org()) p
$$;
--> statement-breakpoint
-- The offers and requests of the peers that share theirs that are listed at
-- `at`: reviewed and published by the owner's staff and not expired (the rule
-- of offer-service.ts: a published offer past expires_at is expired). Never a
-- draft, a submitted, returned or withdrawn one, interests or introductions.
CREATE FUNCTION federation_offers(at timestamptz) RETURNS TABLE (
  org_id uuid, org_name text, org_contact text, id uuid, kind text, side text, title text, offered text, sought text,
  hs_codes text[], sectors text[], countries text[], published_at timestamptz, expires_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT p.org_id, p.org_name, s.federation_contact, o.id, o.kind, o.side, o.title, o.offered, o.sought,
         o.hs_codes, o.sectors, o.countries, o.published_at, o.expires_at
    FROM federation_peers() p
    JOIN networking_settings s ON s.org_id = p.org_id AND s.share_offers_with_federation
    JOIN networking_offers o ON o.org_id = p.org_id AND o.state = 'published' AND (o.expires_at IS NULL OR o.expires_at > at)
    -- As the owner's own matching lists them: a firm whose membership lapsed or ended is not offered.
    JOIN members m ON m.org_id = o.org_id AND m.id = o.member_id AND m.status = 'active'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION federation_offers(timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION federation_offers(timestamptz) TO roundtable_app;
--> statement-breakpoint
-- For the weekly digest job (info-digest.ts), which runs as the owner with no
-- tenant: the organisations of `org`'s federation that share their
-- information entries. Not granted to the app (a tenant could name any
-- organisation); the app reads federation_info_entries() instead.
CREATE FUNCTION federation_info_sharers_of(org uuid) RETURNS TABLE (org_id uuid, org_name text)
LANGUAGE sql STABLE SET search_path = public, pg_temp
AS $$
  SELECT p.org_id, p.org_name
    FROM federation_peers_of(org) p
    JOIN networking_settings s ON s.org_id = p.org_id AND s.share_info_with_federation
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION federation_info_sharers_of(uuid) FROM PUBLIC;
