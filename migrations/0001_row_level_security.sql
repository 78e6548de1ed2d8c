-- Tenant isolation underneath the service layer. Requests run as the
-- non-owner role roundtable_app (created by `roundtable migrate`, it is
-- cluster-wide) with app.org_id and app.user_id set per transaction; the
-- policies below then hide every other organisation's rows.
CREATE OR REPLACE FUNCTION app_org() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- The umbrella of the current organisation; SECURITY DEFINER because a
-- policy on orgs cannot query orgs without recursing into itself.
CREATE OR REPLACE FUNCTION app_parent_org() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$ SELECT parent_id FROM orgs WHERE id = app_org() $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_is_admin_of(target uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM user_roles WHERE org_id = target AND user_id = app_user() AND role = 'admin') $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON orgs TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON user_roles, invitations, api_tokens TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON users TO roundtable_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log, mail_outbox TO roundtable_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO roundtable_app;
--> statement-breakpoint
ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Visible: the current organisation, its branches, its umbrella, and any
-- organisation the person administers (PostgreSQL checks an updated row
-- against this policy too, so detaching a branch needs the last clause).
CREATE POLICY orgs_read ON orgs FOR SELECT TO roundtable_app
  USING (id = app_org() OR parent_id = app_org() OR id = app_parent_org() OR app_user_is_admin_of(id));
--> statement-breakpoint
CREATE POLICY orgs_create_branch ON orgs FOR INSERT TO roundtable_app
  WITH CHECK (parent_id = app_org());
--> statement-breakpoint
CREATE POLICY orgs_update ON orgs FOR UPDATE TO roundtable_app
  USING (id = app_org() OR parent_id = app_org() OR app_user_is_admin_of(id))
  WITH CHECK (id = app_org() OR parent_id = app_org() OR app_user_is_admin_of(id));
--> statement-breakpoint
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_roles_read ON user_roles FOR SELECT TO roundtable_app
  USING (org_id = app_org() OR user_id = app_user());
--> statement-breakpoint
CREATE POLICY user_roles_write ON user_roles FOR ALL TO roundtable_app
  USING (org_id = app_org())
  WITH CHECK (org_id = app_org() OR org_id IN (SELECT id FROM orgs WHERE parent_id = app_org()));
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_read ON users FOR SELECT TO roundtable_app
  USING (id = app_user() OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.org_id = app_org()));
--> statement-breakpoint
CREATE POLICY users_update_self ON users FOR UPDATE TO roundtable_app
  USING (id = app_user()) WITH CHECK (id = app_user());
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invitations_tenant ON invitations FOR ALL TO roundtable_app
  USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_tokens_tenant ON api_tokens FOR ALL TO roundtable_app
  USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_tenant ON audit_log FOR ALL TO roundtable_app
  USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mail_outbox_tenant ON mail_outbox FOR ALL TO roundtable_app
  USING (org_id = app_org()) WITH CHECK (org_id = app_org());
