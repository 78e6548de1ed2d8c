-- The public LED page (server/modules/led, issue 17.10): an organisation shows
-- citizens, partners and donors the LED regions it chose to publish, one by
-- one; a region is not published until staff say so. The column sits on
-- led_regions, which keeps its key (id, org_id) and its row-level security.
ALTER TABLE "led_regions" ADD COLUMN "published" boolean DEFAULT false NOT NULL;
