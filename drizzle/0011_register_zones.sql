-- The two data zones in the database (ADR 0011). samspar_association is the association zone's
-- role: everything in the public schema and nothing in "register". samspar_register is the
-- register's role: the register's tables under row-level security (the data controllers and
-- initiatives the request may see, set per transaction), and read access to the few public
-- tables it needs to name initiatives and organisations. Roles are cluster-wide: created once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samspar_association') THEN
    CREATE ROLE samspar_association NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samspar_register') THEN
    CREATE ROLE samspar_register NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT samspar_association TO CURRENT_USER;
--> statement-breakpoint
GRANT samspar_register TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO samspar_association, samspar_register;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO samspar_association;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO samspar_association;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO samspar_association;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO samspar_association;
--> statement-breakpoint
REVOKE ALL ON SCHEMA register FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA register FROM PUBLIC, samspar_association;
--> statement-breakpoint
GRANT USAGE ON SCHEMA register TO samspar_register;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA register TO samspar_register;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA register TO samspar_register;
--> statement-breakpoint
GRANT SELECT ON public.associations, public.member_organisations, public.initiatives, public.initiative_local_units, public.users TO samspar_register;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON register.access_log, register.erasures FROM samspar_register;
--> statement-breakpoint
ALTER TABLE register.participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.enrollments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.count_only_participation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.access_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE register.erasures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- samspar.controllers / samspar.initiatives: comma-separated uuids set with set_config(…, true)
-- at the start of each register transaction (src/register/zone.ts); unset → nothing visible.
CREATE FUNCTION register.allowed(setting text) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting(setting, true), ''), ',')::uuid[], '{}')
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION register.allowed(text) TO samspar_register;
--> statement-breakpoint
CREATE POLICY participants_by_controller ON register.participants TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers')));
--> statement-breakpoint
CREATE POLICY consents_by_controller ON register.consents TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY enrollments_by_initiative ON register.enrollments TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY count_only_by_initiative ON register.count_only_participation TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers'))
     AND initiative_id = ANY (register.allowed('samspar.initiatives')));
--> statement-breakpoint
CREATE POLICY access_log_by_controller ON register.access_log TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers')));
--> statement-breakpoint
CREATE POLICY erasures_by_controller ON register.erasures TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers')))
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers')));
--> statement-breakpoint
CREATE FUNCTION register.access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% är endast för tillägg (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON register.access_log
  FOR EACH ROW EXECUTE FUNCTION register.access_log_append_only();
--> statement-breakpoint
CREATE TRIGGER erasures_no_update BEFORE UPDATE OR DELETE ON register.erasures
  FOR EACH ROW EXECUTE FUNCTION register.access_log_append_only();
