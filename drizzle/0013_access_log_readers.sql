-- The auditor's search and a participant's own log read the access log of a data controller
-- without seeing its participants: reading the log is allowed for samspar.log_controllers as
-- well, writing only for the controllers the request works in (ADR 0011).
DROP POLICY access_log_by_controller ON register.access_log;
--> statement-breakpoint
CREATE POLICY access_log_insert ON register.access_log FOR INSERT TO samspar_register
  WITH CHECK (data_controller_id = ANY (register.allowed('samspar.controllers')));
--> statement-breakpoint
CREATE POLICY access_log_select ON register.access_log FOR SELECT TO samspar_register
  USING (data_controller_id = ANY (register.allowed('samspar.controllers'))
      OR data_controller_id = ANY (register.allowed('samspar.log_controllers')));
