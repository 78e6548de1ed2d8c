-- A branch's capacity beside its sibling branches' (server/modules/training,
-- capacity-siblings-service.ts). Each branch decides whether its siblings see
-- its scores: a setting of its own, apart from share_member_data_upward (that
-- one hands its member firms' records to its umbrella; this one shows its own
-- self-assessment's domain scores to its peers).
ALTER TABLE "orgs" ADD COLUMN "share_capacity_with_siblings" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Every tenant query runs under one org's row-level security, so a branch
-- cannot read its siblings' rows. This function reads them with the owner's
-- rights and hands back only what may cross: per sibling and domain, how many
-- items have a level and the sum of those levels, of its *submitted*
-- self-assessment of the year. Never a note, a draft, an item's own level, nor
-- a branch that does not share. The caller is app_org(), the tenant setting of
-- the transaction, never a parameter: the siblings are the other branches of
-- its own umbrella, so a top-level organisation has none.
-- The catalogue (contracts/capacity.ts, CAPACITY_CATALOGUE) is written here as
-- item -> domain: a key dropped from it is left out, as the service does, and
-- no caller can ask for one item on its own. capacity.test.ts checks that this
-- list is the catalogue; a change to the catalogue replaces this function.
CREATE FUNCTION sibling_capacity(p_year integer) RETURNS TABLE (org_id uuid, org_name text, domain text, answered integer, level_sum integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
  SELECT o.id, o.name, c.domain, count(*)::int, sum(l.level)::int
  FROM orgs me
  JOIN orgs o ON o.parent_id = me.parent_id AND o.id <> me.id AND o.share_capacity_with_siblings
  JOIN capacity_assessments a ON a.org_id = o.id AND a.year = p_year AND a.status = 'submitted'
  JOIN capacity_answers l ON l.org_id = a.org_id AND l.assessment_id = a.id AND l.level IS NOT NULL
  JOIN (VALUES
    ('governance_board', 'governance'), ('governance_strategy', 'governance'), ('governance_staff', 'governance'),
    ('finances_income', 'finances'), ('finances_accounts', 'finances'), ('finances_fees', 'finances'),
    ('membership_register', 'membership'), ('membership_services', 'membership'), ('membership_feedback', 'membership'),
    ('advocacy_evidence', 'advocacy'), ('advocacy_positions', 'advocacy'), ('advocacy_dialogue', 'advocacy'),
    ('led_analysis', 'led'), ('led_measures', 'led'), ('led_partners', 'led'),
    ('training_offer', 'training'), ('training_trainers', 'training'), ('training_evaluation', 'training'),
    ('networking_matching', 'networking'), ('networking_information', 'networking')
  ) AS c(item_key, domain) ON c.item_key = l.item_key
  WHERE me.id = app_org() AND me.parent_id IS NOT NULL
  GROUP BY o.id, o.name, c.domain
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sibling_capacity(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sibling_capacity(integer) TO roundtable_app;
