-- The head of an agency: the person a referral's clock escalates to after the agency's
-- focal points (an account attached to the agency; none until an administrator names one).
ALTER TABLE agency ADD COLUMN head_user_id BIGINT REFERENCES app_user (id);
