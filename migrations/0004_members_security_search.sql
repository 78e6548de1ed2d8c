-- Accent-insensitive fuzzy search of firm names. unaccent() is only STABLE,
-- so an IMMUTABLE wrapper with the dictionary named is needed to index it.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE INDEX members_name_trgm_idx ON members
  USING gin (f_unaccent(lower(legal_name || ' ' || coalesce(trade_name, ''))) gin_trgm_ops);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON member_settings, membership_tiers, membership_fees, members, member_contacts,
  member_interactions, invoices, payments, member_users, saved_views TO roundtable_app;
--> statement-breakpoint
-- History and money are append-only for the app: corrections are new rows.
GRANT SELECT, INSERT ON membership_status_history TO roundtable_app;
--> statement-breakpoint
REVOKE DELETE ON invoices, payments FROM roundtable_app;
--> statement-breakpoint
REVOKE UPDATE ON payments FROM roundtable_app;
--> statement-breakpoint
ALTER TABLE member_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_settings_tenant ON member_settings FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE membership_tiers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY membership_tiers_tenant ON membership_tiers FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE membership_fees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY membership_fees_tenant ON membership_fees FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY members_tenant ON members FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE member_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_contacts_tenant ON member_contacts FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE member_interactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_interactions_tenant ON member_interactions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE membership_status_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY membership_status_history_tenant ON membership_status_history FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invoices_tenant ON invoices FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY payments_tenant ON payments FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE member_users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_users_tenant ON member_users FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY saved_views_own ON saved_views FOR ALL TO roundtable_app
  USING (org_id = app_org() AND user_id = app_user()) WITH CHECK (org_id = app_org() AND user_id = app_user());
