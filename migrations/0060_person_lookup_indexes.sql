-- Lookups of one person's records (issue 19: a certificate is issued from that person's
-- records alone; the lineage report needs neither, its figures are counted per course).
-- Measured with EXPLAIN ANALYZE on the lineage benchmark's 50,000 people and a session of
-- 20,000 registrations: each was a sequential scan of the whole table.
-- The records merged into a person (people's recordsOfPerson, a person's page, a merge):
-- 12 ms → 0.07 ms. It is also the referencing side of the people_merged_into_fk foreign key.
CREATE INDEX "people_org_merged_into_idx" ON "people" USING btree ("org_id","merged_into_id");--> statement-breakpoint
-- A person's check-ins at a course's sessions (events' attendanceOf with people, for one
-- participant's completion): 38 ms → 0.04 ms. Also the referencing side of the foreign key to
-- people (ON DELETE SET NULL), which scanned every registration when a person was deleted.
CREATE INDEX "event_registrations_person_idx" ON "event_registrations" USING btree ("org_id","person_id");
