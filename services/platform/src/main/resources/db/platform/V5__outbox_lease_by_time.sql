-- The relay lease becomes a lease in time instead of a row lock held through the send (docs/ARCHITECTURE.md,
-- "Events"). A relay renews it in a short transaction of its own, reads a batch without locking anything, sends
-- the batch with no transaction and no connection held, then marks it sent in another short transaction. Writers
-- never wait behind a send, however long Kafka takes to answer.
--
-- holder: the relay instance (a random id per process) that may publish until expires_at, in the database's own
-- clock, so the replicas' clocks never matter. NULL once its holder has stopped and let it go.
ALTER TABLE outbox_relay_lease
    ADD COLUMN holder     VARCHAR(64) NULL,
    ADD COLUMN expires_at DATETIME(6) NOT NULL DEFAULT '2000-01-01 00:00:00';
