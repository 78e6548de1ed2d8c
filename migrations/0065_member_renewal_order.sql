-- Issue 14.5: a list of firms by renewal date ("tag=crafts&informal=true&sort=renewal",
-- 11,000 of 100,000 firms) had no index in that order: every match was read and sorted
-- before the first 50 (130-400 ms). The order's key as list-by-filters.ts sorts by it, so
-- the list walks this index as it walks those of the name and of the creation date.
CREATE INDEX "members_org_renewal_idx" ON "members" USING btree ("org_id", coalesce("renewal_due_on", '9999-12-31'::date), "id");
