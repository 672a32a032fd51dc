-- Chatwoot's custom attribute definition JSON carries updated_at.
ALTER TABLE custom_attribute_definitions ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- Chatwoot's contact labels (GET/POST /contacts/{id}/labels, the labels key of POST /contacts/filter).
ALTER TABLE contacts ADD COLUMN labels TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX contacts_labels_idx ON contacts USING gin (labels);
