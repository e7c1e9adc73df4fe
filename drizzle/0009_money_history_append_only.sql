-- Money history is append-only: a budget version's lines, a requisition's events and the
-- office's prognosis overrides are what they were. A budget version itself may only go from
-- 'gallande' to 'ersatt' (when the next version is written); nothing else about it changes.
CREATE FUNCTION money_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% är endast för tillägg (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER initiative_budget_lines_no_update BEFORE UPDATE OR DELETE ON initiative_budget_lines
  FOR EACH ROW EXECUTE FUNCTION money_history_append_only();
--> statement-breakpoint
CREATE TRIGGER requisition_events_no_update BEFORE UPDATE OR DELETE ON requisition_events
  FOR EACH ROW EXECUTE FUNCTION money_history_append_only();
--> statement-breakpoint
CREATE TRIGGER prognosis_overrides_no_update BEFORE UPDATE OR DELETE ON prognosis_overrides
  FOR EACH ROW EXECUTE FUNCTION money_history_append_only();
--> statement-breakpoint
CREATE FUNCTION initiative_budgets_only_superseded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'gallande' AND NEW.status = 'ersatt'
     AND (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'en budgetversion ändras inte; skriv en ny version (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER initiative_budgets_versions_kept BEFORE UPDATE OR DELETE ON initiative_budgets
  FOR EACH ROW EXECUTE FUNCTION initiative_budgets_only_superseded();
--> statement-breakpoint
CREATE TRIGGER money_history_no_truncate BEFORE TRUNCATE ON initiative_budget_lines
  FOR EACH STATEMENT EXECUTE FUNCTION money_history_append_only();
--> statement-breakpoint
CREATE TRIGGER requisition_events_no_truncate BEFORE TRUNCATE ON requisition_events
  FOR EACH STATEMENT EXECUTE FUNCTION money_history_append_only();
