-- The topics a chat follows (/follow) and whether it receives every edition or only those about them (/mode).
ALTER TABLE chats ADD COLUMN topics text[] NOT NULL DEFAULT '{}';
ALTER TABLE chats ADD COLUMN topic_mode text NOT NULL DEFAULT 'All';
