-- Retention (`store/retention.rs`) deletes handled updates and finished outbox rows once they
-- are older than a week. Each batch looks for the oldest such rows; without these indexes
-- every look would walk all handled or finished rows, which a busy bot holds by the million.
CREATE INDEX inbox_handled_age ON inbox (done, received_at);
CREATE INDEX outbox_finished_age ON outbox (state, created_at);
