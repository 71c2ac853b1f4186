-- The outcome a receiving agency reports, one per referral: the report of its sector's kind as versioned JSON
-- (schema), and the one-line summary the case's timeline shows (never a health finding).
CREATE TABLE referral_outcome (
  referral_id  UUID         PRIMARY KEY REFERENCES referral (id),
  kind         VARCHAR(20)  NOT NULL
    CHECK (kind IN ('SCHOOL', 'HEALTH', 'POLICE', 'SOCIAL_WORK', 'LEGAL_AID', 'SHELTER', 'SERVICE')),
  schema       INT          NOT NULL,
  data         JSONB        NOT NULL,
  summary      VARCHAR(500) NOT NULL,
  recorded_by  BIGINT REFERENCES app_user (id),
  api_token_id BIGINT REFERENCES api_token (id),
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The police's receipt of a crime report and its forwarding to the investigation agency (Decree 56: 24 hours).
CREATE TABLE referral_police_record (
  referral_id  UUID         PRIMARY KEY REFERENCES referral (id),
  received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  forwarded_at TIMESTAMP WITH TIME ZONE,
  forwarded_to VARCHAR(200),
  CHECK (forwarded_at IS NULL OR forwarded_at >= received_at)
);

-- Each interview of the child: the room and the investigator are records of the registers, and whether the room
-- was child-friendly and the investigator trained in child-friendly investigation on the day are computed from
-- those records when the interview is recorded, never typed, and kept as they were: a register record removed
-- later leaves the interview and its snapshots (its id set to NULL), so the registers stay free to correct theirs.
CREATE TABLE referral_interview (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id            UUID         NOT NULL REFERENCES referral (id),
  held_at                TIMESTAMP WITH TIME ZONE NOT NULL,
  room_id                BIGINT REFERENCES interview_room (id) ON DELETE SET NULL,
  room_child_friendly    BOOLEAN      NOT NULL,
  investigator_member_id BIGINT REFERENCES workforce_member (id) ON DELETE SET NULL,
  investigator_trained   BOOLEAN      NOT NULL,
  support_person         VARCHAR(200),
  recorded_by            BIGINT REFERENCES app_user (id),
  api_token_id           BIGINT REFERENCES api_token (id),
  recorded_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX referral_interview_referral_idx ON referral_interview (referral_id, held_at);
