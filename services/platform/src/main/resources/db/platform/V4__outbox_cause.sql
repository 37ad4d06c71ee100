-- What caused each event: the request's W3C traceparent and X-Request-Id, taken when the event is recorded and put
-- on the Kafka record by the relay (ce_traceparent, traceparent, ce_requestid), so one id follows a change from the
-- request to every consumer. NULL for events no request caused (scheduled jobs).
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55) NULL, ADD COLUMN request_id VARCHAR(100) NULL;
