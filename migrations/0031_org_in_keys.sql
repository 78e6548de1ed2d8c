-- Issue 16.7: a schema ready for more than one machine. Sharding tenant tables
-- by organisation (Citus) needs the organisation in every primary key, every
-- unique key and both sides of every foreign key between tenant tables, so
-- that each key can be checked within one organisation's shard. Nothing a
-- person sees changes: every row already belonged to one organisation and
-- pointed only at rows of its own (the services and row-level security see to
-- it); the keys now say so. The classification of the tables (distributed,
-- reference, local) and what a move to Citus would take: ARCHITECTURE.md,
-- "Ready for more than one machine"; server/platform/db/distribution-keys.db.test.ts
-- reads the catalogue and fails when a key lacks the organisation.
--
-- - org_id is added last to each key, so a lookup by the old key alone (a row
--   by its id, a link by its token's hash) keeps its index.
-- - A foreign key between tenant tables becomes (org_id, x_id) -> (org_id, id);
--   the parent's key (id, org_id) is the unique key it needs.
-- - ON DELETE SET NULL names the column it empties (PostgreSQL 15): the
--   organisation of the referring row must stay.
-- - Random tokens (an invitation's, a respondent's link, a resume key) are
--   unique with the organisation; 32 random bytes do not repeat anyway, and
--   the lookup by the token alone still uses the index.
-- Constraint and index names are kept, so errors read the same
-- (`uniqueViolationField`).
--
-- First the foreign keys between tenant tables go, then the keys they stand
-- on are widened, then the foreign keys come back with the organisation.
ALTER TABLE "advocacy_actions" DROP CONSTRAINT "advocacy_actions_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_actions" DROP CONSTRAINT "advocacy_actions_objective_id_advocacy_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_cost_activities" DROP CONSTRAINT "advocacy_cost_activities_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_documents" DROP CONSTRAINT "advocacy_documents_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_events" DROP CONSTRAINT "advocacy_events_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_evidence" DROP CONSTRAINT "advocacy_evidence_consultation_id_consultations_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_evidence" DROP CONSTRAINT "advocacy_evidence_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_evidence" DROP CONSTRAINT "advocacy_evidence_member_issue_id_member_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_objectives" DROP CONSTRAINT "advocacy_objectives_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_objectives" DROP CONSTRAINT "advocacy_objectives_target_person_id_dm_people_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" DROP CONSTRAINT "advocacy_stakeholders_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" DROP CONSTRAINT "advocacy_stakeholders_person_id_dm_people_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" DROP CONSTRAINT "advocacy_step_scores_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_meeting_id_forum_meetings_id_fk";
--> statement-breakpoint
ALTER TABLE "consultation_invitations" DROP CONSTRAINT "consultation_invitations_consultation_id_consultations_id_fk";
--> statement-breakpoint
ALTER TABLE "consultation_invitations" DROP CONSTRAINT "consultation_invitations_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "consultations" DROP CONSTRAINT "consultations_form_id_forms_id_fk";
--> statement-breakpoint
ALTER TABLE "decision_follow_ups" DROP CONSTRAINT "decision_follow_ups_decision_id_forum_decisions_id_fk";
--> statement-breakpoint
ALTER TABLE "dm_memberships" DROP CONSTRAINT "dm_memberships_organization_id_dm_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "dm_memberships" DROP CONSTRAINT "dm_memberships_person_id_dm_people_id_fk";
--> statement-breakpoint
ALTER TABLE "dm_memberships" DROP CONSTRAINT "dm_memberships_post_id_dm_posts_id_fk";
--> statement-breakpoint
ALTER TABLE "dm_posts" DROP CONSTRAINT "dm_posts_organization_id_dm_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "form_versions" DROP CONSTRAINT "form_versions_form_id_forms_id_fk";
--> statement-breakpoint
ALTER TABLE "forum_decisions" DROP CONSTRAINT "forum_decisions_agenda_item_id_agenda_items_id_fk";
--> statement-breakpoint
ALTER TABLE "forum_decisions" DROP CONSTRAINT "forum_decisions_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "forum_decisions" DROP CONSTRAINT "forum_decisions_meeting_id_forum_meetings_id_fk";
--> statement-breakpoint
ALTER TABLE "forum_meetings" DROP CONSTRAINT "forum_meetings_forum_id_forums_id_fk";
--> statement-breakpoint
ALTER TABLE "forum_members" DROP CONSTRAINT "forum_members_forum_id_forums_id_fk";
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_attendance" DROP CONSTRAINT "meeting_attendance_forum_member_id_forum_members_id_fk";
--> statement-breakpoint
ALTER TABLE "meeting_attendance" DROP CONSTRAINT "meeting_attendance_meeting_id_forum_meetings_id_fk";
--> statement-breakpoint
ALTER TABLE "member_contacts" DROP CONSTRAINT "member_contacts_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "member_interactions" DROP CONSTRAINT "member_interactions_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "member_issue_events" DROP CONSTRAINT "member_issue_events_issue_id_member_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "member_issue_firms" DROP CONSTRAINT "member_issue_firms_issue_id_member_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "member_issue_firms" DROP CONSTRAINT "member_issue_firms_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "member_issues" DROP CONSTRAINT "member_issues_merged_into_id_member_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "member_issues" DROP CONSTRAINT "member_issues_raised_by_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "member_portal_access" DROP CONSTRAINT "member_portal_access_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_tier_id_membership_tiers_id_fk";
--> statement-breakpoint
ALTER TABLE "membership_fees" DROP CONSTRAINT "membership_fees_tier_id_membership_tiers_id_fk";
--> statement-breakpoint
ALTER TABLE "membership_status_history" DROP CONSTRAINT "membership_status_history_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_invoice_id_invoices_id_fk";
--> statement-breakpoint
ALTER TABLE "position_paper_versions" DROP CONSTRAINT "position_paper_versions_paper_id_position_papers_id_fk";
--> statement-breakpoint
ALTER TABLE "position_papers" DROP CONSTRAINT "position_papers_issue_id_advocacy_issues_id_fk";
--> statement-breakpoint
ALTER TABLE "response_files" DROP CONSTRAINT "response_files_consultation_id_consultations_id_fk";
--> statement-breakpoint
ALTER TABLE "response_tallies" DROP CONSTRAINT "response_tallies_consultation_id_consultations_id_fk";
--> statement-breakpoint
ALTER TABLE "responses" DROP CONSTRAINT "responses_consultation_id_consultations_id_fk";
--> statement-breakpoint
ALTER TABLE "responses" DROP CONSTRAINT "responses_member_id_members_id_fk";
--> statement-breakpoint
ALTER TABLE "advocacy_actions" DROP CONSTRAINT "advocacy_actions_pkey", ADD CONSTRAINT "advocacy_actions_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_cost_activities" DROP CONSTRAINT "advocacy_cost_activities_pkey", ADD CONSTRAINT "advocacy_cost_activities_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_documents" DROP CONSTRAINT "advocacy_documents_pkey", ADD CONSTRAINT "advocacy_documents_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_events" DROP CONSTRAINT "advocacy_events_pkey", ADD CONSTRAINT "advocacy_events_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_evidence" DROP CONSTRAINT "advocacy_evidence_pkey", ADD CONSTRAINT "advocacy_evidence_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_issues" DROP CONSTRAINT "advocacy_issues_pkey", ADD CONSTRAINT "advocacy_issues_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_objectives" DROP CONSTRAINT "advocacy_objectives_pkey", ADD CONSTRAINT "advocacy_objectives_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" DROP CONSTRAINT "advocacy_stakeholders_issue_id_person_id_pk", ADD CONSTRAINT "advocacy_stakeholders_issue_id_person_id_pk" PRIMARY KEY (issue_id, person_id, org_id);
--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" DROP CONSTRAINT "advocacy_step_scores_pkey", ADD CONSTRAINT "advocacy_step_scores_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_pkey", ADD CONSTRAINT "agenda_items_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey", ADD CONSTRAINT "audit_log_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "consultation_invitations" DROP CONSTRAINT "consultation_invitations_consultation_id_member_id_pk", ADD CONSTRAINT "consultation_invitations_consultation_id_member_id_pk" PRIMARY KEY (consultation_id, member_id, org_id);
--> statement-breakpoint
ALTER TABLE "consultations" DROP CONSTRAINT "consultations_pkey", ADD CONSTRAINT "consultations_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "decision_follow_ups" DROP CONSTRAINT "decision_follow_ups_pkey", ADD CONSTRAINT "decision_follow_ups_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "dm_memberships" DROP CONSTRAINT "dm_memberships_pkey", ADD CONSTRAINT "dm_memberships_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "dm_organizations" DROP CONSTRAINT "dm_organizations_pkey", ADD CONSTRAINT "dm_organizations_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "dm_people" DROP CONSTRAINT "dm_people_pkey", ADD CONSTRAINT "dm_people_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "dm_posts" DROP CONSTRAINT "dm_posts_pkey", ADD CONSTRAINT "dm_posts_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "form_versions" DROP CONSTRAINT "form_versions_form_id_version_pk", ADD CONSTRAINT "form_versions_form_id_version_pk" PRIMARY KEY (form_id, version, org_id);
--> statement-breakpoint
ALTER TABLE "forms" DROP CONSTRAINT "forms_pkey", ADD CONSTRAINT "forms_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "forum_decisions" DROP CONSTRAINT "forum_decisions_pkey", ADD CONSTRAINT "forum_decisions_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "forum_meetings" DROP CONSTRAINT "forum_meetings_pkey", ADD CONSTRAINT "forum_meetings_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "forum_members" DROP CONSTRAINT "forum_members_pkey", ADD CONSTRAINT "forum_members_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "forums" DROP CONSTRAINT "forums_pkey", ADD CONSTRAINT "forums_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_pkey", ADD CONSTRAINT "invitations_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_pkey", ADD CONSTRAINT "invoices_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" DROP CONSTRAINT "meeting_attendance_meeting_id_forum_member_id_pk", ADD CONSTRAINT "meeting_attendance_meeting_id_forum_member_id_pk" PRIMARY KEY (meeting_id, forum_member_id, org_id);
--> statement-breakpoint
ALTER TABLE "member_contacts" DROP CONSTRAINT "member_contacts_pkey", ADD CONSTRAINT "member_contacts_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "member_imports" DROP CONSTRAINT "member_imports_pkey", ADD CONSTRAINT "member_imports_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "member_interactions" DROP CONSTRAINT "member_interactions_pkey", ADD CONSTRAINT "member_interactions_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "member_issue_events" DROP CONSTRAINT "member_issue_events_pkey", ADD CONSTRAINT "member_issue_events_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "member_issue_firms" DROP CONSTRAINT "member_issue_firms_issue_id_member_id_pk", ADD CONSTRAINT "member_issue_firms_issue_id_member_id_pk" PRIMARY KEY (issue_id, member_id, org_id);
--> statement-breakpoint
ALTER TABLE "member_issues" DROP CONSTRAINT "member_issues_pkey", ADD CONSTRAINT "member_issues_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_pkey", ADD CONSTRAINT "members_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "membership_fees" DROP CONSTRAINT "membership_fees_tier_id_size_class_pk", ADD CONSTRAINT "membership_fees_tier_id_size_class_pk" PRIMARY KEY (tier_id, size_class, org_id);
--> statement-breakpoint
ALTER TABLE "membership_status_history" DROP CONSTRAINT "membership_status_history_pkey", ADD CONSTRAINT "membership_status_history_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "membership_tiers" DROP CONSTRAINT "membership_tiers_pkey", ADD CONSTRAINT "membership_tiers_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_pkey", ADD CONSTRAINT "payments_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "position_paper_versions" DROP CONSTRAINT "position_paper_versions_paper_id_version_pk", ADD CONSTRAINT "position_paper_versions_paper_id_version_pk" PRIMARY KEY (paper_id, version, org_id);
--> statement-breakpoint
ALTER TABLE "position_papers" DROP CONSTRAINT "position_papers_pkey", ADD CONSTRAINT "position_papers_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "response_files" DROP CONSTRAINT "response_files_pkey", ADD CONSTRAINT "response_files_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "response_tallies" DROP CONSTRAINT "response_tallies_key", ADD CONSTRAINT "response_tallies_key" UNIQUE NULLS NOT DISTINCT (consultation_id, question, value, num, sector, region, size, ownership, owner_sex, org_id);
--> statement-breakpoint
ALTER TABLE "responses" DROP CONSTRAINT "responses_pkey", ADD CONSTRAINT "responses_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
ALTER TABLE "saved_views" DROP CONSTRAINT "saved_views_pkey", ADD CONSTRAINT "saved_views_pkey" PRIMARY KEY (id, org_id);
--> statement-breakpoint
DROP INDEX "advocacy_evidence_question_uniq";
--> statement-breakpoint
CREATE UNIQUE INDEX "advocacy_evidence_question_uniq" ON "advocacy_evidence" USING btree (issue_id, consultation_id, question, org_id);
--> statement-breakpoint
DROP INDEX "advocacy_evidence_member_issue_uniq";
--> statement-breakpoint
CREATE UNIQUE INDEX "advocacy_evidence_member_issue_uniq" ON "advocacy_evidence" USING btree (issue_id, member_issue_id, org_id);
--> statement-breakpoint
DROP INDEX "consultation_invitations_token_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_invitations_token_key" ON "consultation_invitations" USING btree (token_hash, org_id);
--> statement-breakpoint
DROP INDEX "consultations_public_token_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_public_token_key" ON "consultations" USING btree (public_token, org_id);
--> statement-breakpoint
DROP INDEX "invitations_token_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree (token_hash, org_id);
--> statement-breakpoint
DROP INDEX "responses_firm_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "responses_firm_key" ON "responses" USING btree (consultation_id, member_id, org_id);
--> statement-breakpoint
DROP INDEX "responses_resume_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "responses_resume_key" ON "responses" USING btree (resume_key_hash, org_id);
--> statement-breakpoint
DROP INDEX "responses_submission_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "responses_submission_key" ON "responses" USING btree (consultation_id, submission_key, org_id) WHERE (submission_key IS NOT NULL);
--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_objective_id_advocacy_objectives_id_fk" FOREIGN KEY (org_id, objective_id) REFERENCES "advocacy_objectives" (org_id, id) ON DELETE SET NULL (objective_id);
--> statement-breakpoint
ALTER TABLE "advocacy_cost_activities" ADD CONSTRAINT "advocacy_cost_activities_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_documents" ADD CONSTRAINT "advocacy_documents_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_events" ADD CONSTRAINT "advocacy_events_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_evidence" ADD CONSTRAINT "advocacy_evidence_consultation_id_consultations_id_fk" FOREIGN KEY (org_id, consultation_id) REFERENCES "consultations" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_evidence" ADD CONSTRAINT "advocacy_evidence_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_evidence" ADD CONSTRAINT "advocacy_evidence_member_issue_id_member_issues_id_fk" FOREIGN KEY (org_id, member_issue_id) REFERENCES "member_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_objectives" ADD CONSTRAINT "advocacy_objectives_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_objectives" ADD CONSTRAINT "advocacy_objectives_target_person_id_dm_people_id_fk" FOREIGN KEY (org_id, target_person_id) REFERENCES "dm_people" (org_id, id) ON DELETE SET NULL (target_person_id);
--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" ADD CONSTRAINT "advocacy_stakeholders_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_stakeholders" ADD CONSTRAINT "advocacy_stakeholders_person_id_dm_people_id_fk" FOREIGN KEY (org_id, person_id) REFERENCES "dm_people" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" ADD CONSTRAINT "advocacy_step_scores_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE SET NULL (issue_id);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_forum_meetings_id_fk" FOREIGN KEY (org_id, meeting_id) REFERENCES "forum_meetings" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_consultation_id_consultations_id_fk" FOREIGN KEY (org_id, consultation_id) REFERENCES "consultations" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "consultation_invitations" ADD CONSTRAINT "consultation_invitations_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_form_id_forms_id_fk" FOREIGN KEY (org_id, form_id) REFERENCES "forms" (org_id, id) ON DELETE RESTRICT;
--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ADD CONSTRAINT "decision_follow_ups_decision_id_forum_decisions_id_fk" FOREIGN KEY (org_id, decision_id) REFERENCES "forum_decisions" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "dm_memberships" ADD CONSTRAINT "dm_memberships_organization_id_dm_organizations_id_fk" FOREIGN KEY (org_id, organization_id) REFERENCES "dm_organizations" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "dm_memberships" ADD CONSTRAINT "dm_memberships_person_id_dm_people_id_fk" FOREIGN KEY (org_id, person_id) REFERENCES "dm_people" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "dm_memberships" ADD CONSTRAINT "dm_memberships_post_id_dm_posts_id_fk" FOREIGN KEY (org_id, post_id) REFERENCES "dm_posts" (org_id, id) ON DELETE SET NULL (post_id);
--> statement-breakpoint
ALTER TABLE "dm_posts" ADD CONSTRAINT "dm_posts_organization_id_dm_organizations_id_fk" FOREIGN KEY (org_id, organization_id) REFERENCES "dm_organizations" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_form_id_forms_id_fk" FOREIGN KEY (org_id, form_id) REFERENCES "forms" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY (org_id, agenda_item_id) REFERENCES "agenda_items" (org_id, id) ON DELETE SET NULL (agenda_item_id);
--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE SET NULL (issue_id);
--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_meeting_id_forum_meetings_id_fk" FOREIGN KEY (org_id, meeting_id) REFERENCES "forum_meetings" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_forum_id_forums_id_fk" FOREIGN KEY (org_id, forum_id) REFERENCES "forums" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "forum_members" ADD CONSTRAINT "forum_members_forum_id_forums_id_fk" FOREIGN KEY (org_id, forum_id) REFERENCES "forums" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE RESTRICT;
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_forum_member_id_forum_members_id_fk" FOREIGN KEY (org_id, forum_member_id) REFERENCES "forum_members" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_forum_meetings_id_fk" FOREIGN KEY (org_id, meeting_id) REFERENCES "forum_meetings" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "member_contacts" ADD CONSTRAINT "member_contacts_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "member_interactions" ADD CONSTRAINT "member_interactions_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "member_issue_events" ADD CONSTRAINT "member_issue_events_issue_id_member_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "member_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "member_issue_firms" ADD CONSTRAINT "member_issue_firms_issue_id_member_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "member_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "member_issue_firms" ADD CONSTRAINT "member_issue_firms_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "member_issues" ADD CONSTRAINT "member_issues_merged_into_id_member_issues_id_fk" FOREIGN KEY (org_id, merged_into_id) REFERENCES "member_issues" (org_id, id) ON DELETE SET NULL (merged_into_id);
--> statement-breakpoint
ALTER TABLE "member_issues" ADD CONSTRAINT "member_issues_raised_by_member_id_members_id_fk" FOREIGN KEY (org_id, raised_by_member_id) REFERENCES "members" (org_id, id) ON DELETE SET NULL (raised_by_member_id);
--> statement-breakpoint
ALTER TABLE "member_portal_access" ADD CONSTRAINT "member_portal_access_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_tier_id_membership_tiers_id_fk" FOREIGN KEY (org_id, tier_id) REFERENCES "membership_tiers" (org_id, id) ON DELETE SET NULL (tier_id);
--> statement-breakpoint
ALTER TABLE "membership_fees" ADD CONSTRAINT "membership_fees_tier_id_membership_tiers_id_fk" FOREIGN KEY (org_id, tier_id) REFERENCES "membership_tiers" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "membership_status_history" ADD CONSTRAINT "membership_status_history_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY (org_id, invoice_id) REFERENCES "invoices" (org_id, id) ON DELETE RESTRICT;
--> statement-breakpoint
ALTER TABLE "position_paper_versions" ADD CONSTRAINT "position_paper_versions_paper_id_position_papers_id_fk" FOREIGN KEY (org_id, paper_id) REFERENCES "position_papers" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "position_papers" ADD CONSTRAINT "position_papers_issue_id_advocacy_issues_id_fk" FOREIGN KEY (org_id, issue_id) REFERENCES "advocacy_issues" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "response_files" ADD CONSTRAINT "response_files_consultation_id_consultations_id_fk" FOREIGN KEY (org_id, consultation_id) REFERENCES "consultations" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "response_tallies" ADD CONSTRAINT "response_tallies_consultation_id_consultations_id_fk" FOREIGN KEY (org_id, consultation_id) REFERENCES "consultations" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_consultation_id_consultations_id_fk" FOREIGN KEY (org_id, consultation_id) REFERENCES "consultations" (org_id, id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_member_id_members_id_fk" FOREIGN KEY (org_id, member_id) REFERENCES "members" (org_id, id) ON DELETE SET NULL (member_id);
