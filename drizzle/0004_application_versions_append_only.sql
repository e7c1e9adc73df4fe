-- An application's version history is append-only: a version, once written, is what it was.
-- (Removing the application with its history is not a use case; a restore disables triggers.)
CREATE FUNCTION application_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application_versions är endast för tillägg (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_versions_no_update BEFORE UPDATE OR DELETE ON application_versions
  FOR EACH ROW EXECUTE FUNCTION application_versions_append_only();
--> statement-breakpoint
CREATE TRIGGER application_versions_no_truncate BEFORE TRUNCATE ON application_versions
  FOR EACH STATEMENT EXECUTE FUNCTION application_versions_append_only();
