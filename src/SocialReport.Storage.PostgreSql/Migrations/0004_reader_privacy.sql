-- A chat's quiet delivery: its time zone (null: Delivery:TimeZone), its quiet hours as "22:00-07:00", and whether
-- broadcasts reach it without a notification.
ALTER TABLE chats ADD COLUMN time_zone text;
ALTER TABLE chats ADD COLUMN quiet_hours text;
ALTER TABLE chats ADD COLUMN silent boolean NOT NULL DEFAULT false;
-- A reader's delivery rows (/mydata, /forget) without reading them all.
CREATE INDEX delivery_rows_chat ON delivery_rows (channel, chat_id);
