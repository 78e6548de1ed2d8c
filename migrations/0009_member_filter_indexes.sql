DROP INDEX "members_org_status_idx";--> statement-breakpoint
DROP INDEX "members_org_region_idx";--> statement-breakpoint
CREATE INDEX "members_org_status_idx" ON "members" USING btree ("org_id","status","size_class");--> statement-breakpoint
CREATE INDEX "members_org_region_idx" ON "members" USING btree ("org_id","region","status");