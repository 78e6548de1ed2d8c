-- A results framework's money for IATI (issue 20): budget lines by period and
-- transactions, in whole minor units of their currency. IATI's rules (a budget
-- period at most a year, budgets of one type not overlapping) are checked by
-- results/finance-service.ts, which can say which line is in the way; the
-- checks here keep what no screen should ever store.
CREATE TABLE "results_budgets" (
	"org_id" uuid NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"value" bigint NOT NULL,
	"currency" text NOT NULL,
	"type" text DEFAULT 'original' NOT NULL,
	"status" text DEFAULT 'indicative' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_budgets_pkey" PRIMARY KEY ("id", "org_id"),
	CONSTRAINT "results_budgets_framework_id_results_frameworks_id_fk" FOREIGN KEY ("org_id", "framework_id") REFERENCES "results_frameworks"("org_id", "id") ON DELETE CASCADE,
	CONSTRAINT "results_budgets_type_check" CHECK ("type" IN ('original', 'revised')),
	CONSTRAINT "results_budgets_status_check" CHECK ("status" IN ('indicative', 'committed')),
	CONSTRAINT "results_budgets_value_check" CHECK ("value" >= 0),
	CONSTRAINT "results_budgets_dates_check" CHECK ("ends_on" >= "starts_on" AND "ends_on" - "starts_on" < 366)
);
--> statement-breakpoint
CREATE INDEX "results_budgets_framework_idx" ON "results_budgets" USING btree ("org_id", "framework_id", "starts_on");
--> statement-breakpoint
CREATE TABLE "results_transactions" (
	"org_id" uuid NOT NULL REFERENCES "orgs"("id") ON DELETE CASCADE,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"on" date NOT NULL,
	"type" text NOT NULL,
	"value" bigint NOT NULL,
	"currency" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"provider_org" text DEFAULT '' NOT NULL,
	"receiver_org" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_transactions_pkey" PRIMARY KEY ("id", "org_id"),
	CONSTRAINT "results_transactions_framework_id_results_frameworks_id_fk" FOREIGN KEY ("org_id", "framework_id") REFERENCES "results_frameworks"("org_id", "id") ON DELETE CASCADE,
	CONSTRAINT "results_transactions_type_check" CHECK ("type" IN ('1', '2', '3', '4', '11')),
	CONSTRAINT "results_transactions_value_check" CHECK ("value" >= 0)
);
--> statement-breakpoint
CREATE INDEX "results_transactions_framework_idx" ON "results_transactions" USING btree ("org_id", "framework_id", "on");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON results_budgets, results_transactions TO roundtable_app;
--> statement-breakpoint
ALTER TABLE results_budgets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_budgets_tenant ON results_budgets FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
ALTER TABLE results_transactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY results_transactions_tenant ON results_transactions FOR ALL TO roundtable_app USING (org_id = app_org()) WITH CHECK (org_id = app_org());
