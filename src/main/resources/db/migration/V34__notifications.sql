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

-- The deadline alerts not yet read join the list, as each new one does (cases/CaseNotifications.java).
INSERT INTO notification (user_id, kind_key, step_key, reference, link, event_key, created_at)
SELECT a.user_id, 'notification.kind.' || lower(a.level),
  CASE d.step WHEN 'EMERGENCY_DECISION' THEN 'work.step.emergency-decision'
    WHEN 'VERIFICATION' THEN 'work.step.verification' WHEN 'PLAN' THEN 'work.step.plan'
    WHEN 'APPROVAL' THEN 'work.step.plan-approval' WHEN 'REVIEW' THEN 'work.step.review'
    ELSE 'work.step.separation-end' END,
  p.reference_code,
  '/cases/' || p.id || CASE d.step WHEN 'EMERGENCY_DECISION' THEN '/forms/emergency-decision'
    WHEN 'APPROVAL' THEN '/forms/plan-decision' ELSE '' END,
  'deadline:' || d.id || ':' || a.level, a.created_at
FROM case_alert a JOIN case_deadline d ON d.id = a.deadline_id JOIN protection_case p ON p.id = a.case_id
WHERE a.read_at IS NULL
ON CONFLICT DO NOTHING;
