-- Chatwoot's custom attribute definition JSON carries updated_at.
ALTER TABLE custom_attribute_definitions ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
