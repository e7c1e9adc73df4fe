-- A report's version history is append-only, like the applications' and the audit log.
CREATE FUNCTION report_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_versions är endast för tillägg (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_versions_no_update BEFORE UPDATE OR DELETE ON report_versions
  FOR EACH ROW EXECUTE FUNCTION report_versions_append_only();
--> statement-breakpoint
CREATE TRIGGER report_versions_no_truncate BEFORE TRUNCATE ON report_versions
  FOR EACH STATEMENT EXECUTE FUNCTION report_versions_append_only();
--> statement-breakpoint
-- A locked periodic or final report cannot be changed by anyone, whatever the code does.
CREATE FUNCTION locked_report_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'last' THEN
    RAISE EXCEPTION 'rapporten är låst och kan inte ändras' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER periodic_reports_locked BEFORE UPDATE OR DELETE ON periodic_reports
  FOR EACH ROW EXECUTE FUNCTION locked_report_unchanged();
--> statement-breakpoint
CREATE TRIGGER final_reports_locked BEFORE UPDATE OR DELETE ON final_reports
  FOR EACH ROW EXECUTE FUNCTION locked_report_unchanged();
