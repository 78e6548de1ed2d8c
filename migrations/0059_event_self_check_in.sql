-- Self check-in at an event (server/modules/events, issues 19.2 and 18.4):
-- participants tick themselves present by scanning a QR code staff show at the
-- venue. The code is an HMAC of the event and the minute, keyed by this random
-- key of the event's (with the server's CREDENTIAL_SECRET where one is set);
-- null while self check-in is off. Switching it on draws a new key, so codes
-- from before it was last switched off never work again. The column sits on
-- events, which keeps its key (id, org_id) and its row-level security.
ALTER TABLE "events" ADD COLUMN "self_check_in_key" text;
