-- Chatwoot's inbox business hours: on/off, the out-of-office reply, and one entry per weekday
-- ({day_of_week 0-6 from Sunday, closed_all_day, open_all_day, open_hour, open_minutes, close_hour, close_minutes}).
ALTER TABLE inboxes ADD COLUMN working_hours_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE inboxes ADD COLUMN out_of_office_message TEXT;
ALTER TABLE inboxes ADD COLUMN working_hours JSONB NOT NULL DEFAULT '[]';
