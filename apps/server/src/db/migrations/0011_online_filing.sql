-- Online filing (issue 5): the form of each procedure is data, and an application filed online keeps what the
-- citizen typed with the form it was typed into.

CREATE TABLE procedure_forms (
  procedure_code text PRIMARY KEY REFERENCES procedures(code),
  fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
  uploads jsonb NOT NULL CHECK (jsonb_typeof(uploads) = 'array'),
  source text NOT NULL CHECK (source <> ''),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);
COMMENT ON TABLE procedure_forms IS 'The online form of a procedure: fields (the electronic declaration that replaces the paper tờ khai) and the documents to upload. A procedure without a row gets a form built from its required documents.';
COMMENT ON COLUMN procedure_forms.fields IS 'Array of {key, label {vi, en}, type text|textarea|date|select|id_number|phone|email, required, maxLength?, options?, notAfter?, help?} (packages/domain/src/online/fields.ts).';
COMMENT ON COLUMN procedure_forms.uploads IS 'Array of {name, required, note?}: what the citizen uploads, in order.';
COMMENT ON COLUMN procedure_forms.source IS 'Where the fields come from (the declaration form they replace), or "illustrative — …".';

ALTER TABLE applications ADD COLUMN form_data jsonb;
COMMENT ON COLUMN applications.form_data IS 'Filed online: {fields, values} — the form definition at filing and what the citizen typed; null at the counter.';
