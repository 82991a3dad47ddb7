-- Citizen satisfaction ratings (issue 5; vn-rules.md §6.1): one rating per application, editable for 30 days
-- from the first, and the feedback items a "Không hài lòng" with a comment opens for the unit's leader. Both feed
-- the satisfaction report and Decision 766 indicator 5.4 (vn-rules.md §5.2).

CREATE TABLE application_ratings (
  province_code text NOT NULL,
  application_id uuid NOT NULL,
  receiving_unit_id uuid NOT NULL,
  citizen_id uuid,
  source text NOT NULL CHECK (source IN ('portal', 'link', 'kiosk')),
  level text NOT NULL CHECK (level IN ('rat_hai_long', 'hai_long', 'khong_hai_long')),
  criteria jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(criteria) = 'object'),
  comment text CHECK (comment IS NFC NORMALIZED AND char_length(comment) BETWEEN 1 AND 2000),
  first_rated_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  edits integer NOT NULL DEFAULT 0 CHECK (edits >= 0),
  PRIMARY KEY (province_code, application_id),
  FOREIGN KEY (province_code, application_id) REFERENCES applications (province_code, id)
);
COMMENT ON TABLE application_ratings IS 'Đánh giá mức độ hài lòng: one per application, by whoever holds its code and lookup key, only once the result was returned.';
COMMENT ON COLUMN application_ratings.receiving_unit_id IS 'The one-stop desk that received the file (copied from the application): the unit the rating is reported under.';
COMMENT ON COLUMN application_ratings.citizen_id IS 'The citizen account the application belongs to, when it has one.';
COMMENT ON COLUMN application_ratings.source IS 'Where the latest version was sent from: portal = the citizen portal, link = the invitation link (e-mail, SMS), kiosk = the counter kiosk.';
COMMENT ON COLUMN application_ratings.level IS 'Overall level: Rất hài lòng / Hài lòng / Không hài lòng (packages/domain/src/ratings/criteria.ts).';
COMMENT ON COLUMN application_ratings.criteria IS 'Criterion code → level for the criteria the citizen chose to rate (the 12 codes of CRITERIA, packages/domain/src/ratings/criteria.ts).';
COMMENT ON COLUMN application_ratings.first_rated_at IS 'When the rating was first sent: the report period and the 30-day edit window both count from here; edits never move it.';
COMMENT ON COLUMN application_ratings.edits IS 'How many times the rating was changed after it was first sent.';
CREATE INDEX application_ratings_unit ON application_ratings (province_code, receiving_unit_id, first_rated_at);

CREATE TABLE rating_feedback (
  province_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  comment text NOT NULL CHECK (comment IS NFC NORMALIZED AND char_length(comment) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'withdrawn')),
  answer text CHECK (answer IS NFC NORMALIZED AND char_length(answer) BETWEEN 1 AND 4000),
  answered_by uuid,
  answered_at timestamptz,
  PRIMARY KEY (province_code, id),
  FOREIGN KEY (province_code, application_id) REFERENCES application_ratings (province_code, application_id),
  CHECK ((status = 'answered') = (answer IS NOT NULL AND answered_by IS NOT NULL AND answered_at IS NOT NULL))
);
COMMENT ON TABLE rating_feedback IS 'Ý kiến phản hồi: a "Không hài lòng" rating with a comment, for the leaders of the unit that received the file to answer.';
COMMENT ON COLUMN rating_feedback.status IS 'open = waiting for the leader; answered = answered (kept as it was even if the rating changes later); withdrawn = the citizen changed the rating away from "Không hài lòng" (or removed the comment) before any answer.';
COMMENT ON COLUMN rating_feedback.comment IS 'The citizen''s comment; while the item is open it follows the citizen''s edits.';
-- At most one item per application waits (open) or was withdrawn: a new dislike reopens it; after an answer,
-- a new dislike opens a new item, so each answer stays attached to the comment it answered.
CREATE UNIQUE INDEX rating_feedback_pending ON rating_feedback (province_code, application_id)
  WHERE status IN ('open', 'withdrawn');
CREATE INDEX rating_feedback_unit ON rating_feedback (province_code, unit_id, status, created_at);
