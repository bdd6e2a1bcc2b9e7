-- A committed reservation whose order is cancelled before shipping puts its goods back
-- on hand and ends as 'returned'. 002 declared the allowed statuses inline, so the
-- constraint carries PostgreSQL's generated name.
ALTER TABLE reservations DROP CONSTRAINT reservations_status_check;
ALTER TABLE reservations ADD CONSTRAINT reservations_status_check
  CHECK (status IN ('reserved', 'committed', 'released', 'expired', 'returned'));
