-- What the application tells a user in its notification list, until they open it: a case's
-- clock escalated, a decision waiting for them. A notification carries a message key, a
-- record code and the address of the page that acts on it, never a name or a detail; the
-- page still checks access. The same event told twice (delivered again) is kept once by its
-- key.
CREATE TABLE notification (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  kind_key    VARCHAR(80)  NOT NULL,
  step_key    VARCHAR(80)  NOT NULL,
  reference   VARCHAR(40)  NOT NULL,
  link        VARCHAR(300) NOT NULL,
  event_key   VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  read_at     TIMESTAMP WITH TIME ZONE,
  UNIQUE (user_id, event_key)
);
-- the header's unread count on every page
CREATE INDEX notification_unread_idx ON notification (user_id, link) WHERE read_at IS NULL;
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
