ALTER TABLE "advocacy_events" ALTER COLUMN "at" SET DATA TYPE timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "advocacy_events" ALTER COLUMN "at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" ALTER COLUMN "at" SET DATA TYPE timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "advocacy_step_scores" ALTER COLUMN "at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ALTER COLUMN "at" SET DATA TYPE timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "decision_follow_ups" ALTER COLUMN "at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "member_issue_events" ALTER COLUMN "at" SET DATA TYPE timestamp (6) with time zone;--> statement-breakpoint
ALTER TABLE "member_issue_events" ALTER COLUMN "at" SET DEFAULT clock_timestamp();