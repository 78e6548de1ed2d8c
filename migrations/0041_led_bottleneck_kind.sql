-- An LED bottleneck has a kind (issue 17.4): a regulatory one is a matter for
-- advocacy and is taken there as an advocacy issue, once, which the
-- bottleneck then points to; a locational or market one is a candidate for an
-- LED measure. The advocacy issue may go: the bottleneck stays, no longer
-- pointing to it (the column alone is set null, the organisation stays).
ALTER TABLE "led_bottlenecks" ADD COLUMN "kind" text DEFAULT 'locational' NOT NULL;--> statement-breakpoint
ALTER TABLE "led_bottlenecks" ADD COLUMN "advocacy_issue_id" uuid;--> statement-breakpoint
ALTER TABLE "led_bottlenecks" ADD CONSTRAINT "led_bottlenecks_kind_check" CHECK ("led_bottlenecks"."kind" IN ('regulatory', 'locational', 'market', 'other'));--> statement-breakpoint
ALTER TABLE "led_bottlenecks" ADD CONSTRAINT "led_bottlenecks_advocacy_issue_id_advocacy_issues_id_fk" FOREIGN KEY ("org_id","advocacy_issue_id") REFERENCES "public"."advocacy_issues"("org_id","id") ON DELETE SET NULL ("advocacy_issue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "led_bottlenecks_advocacy_issue_key" ON "led_bottlenecks" USING btree ("advocacy_issue_id","org_id");
