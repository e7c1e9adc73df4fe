// The tables the national dataset writes in bulk, with the columns it fills (the rest take their
// defaults). Column names are those of the migrations (drizzle/); the schema modules beside
// each capability say what they mean.
import { table } from "./bulk.ts";

// reporting (src/reports/schema.ts)
export const steeringGroupMembers = table("public.steering_group_members", [
  ["id", "uuid"],
  ["initiative_id", "uuid"],
  ["organisation_id", "uuid"],
  ["name", "text"],
  ["email", "text"],
  ["title", "text"],
  ["membership", "text"],
  ["from_date", "date"],
  ["to_date", "date"],
]);

export const steeringGroupMeetings = table("public.steering_group_meetings", [
  ["id", "uuid"],
  ["initiative_id", "uuid"],
  ["meeting_date", "date"],
  ["held", "bool"],
  ["agenda", "text"],
  ["decisions", "text"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
]);

export const meetingAttendance = table(
  "public.meeting_attendance",
  [
    ["meeting_id", "uuid"],
    ["member_id", "uuid"],
    ["present", "bool"],
  ],
  [steeringGroupMeetings, steeringGroupMembers],
);

export const deviationReports = table("public.deviation_reports", [
  ["id", "uuid"],
  ["association_id", "uuid"],
  ["initiative_id", "uuid"],
  ["status", "text"],
  ["types", "jsonb"],
  ["description", "text"],
  ["cause", "text"],
  ["consequence", "text"],
  ["measures", "text"],
  ["request", "text"],
  ["requested_end_date", "date"],
  ["requested_target_group", "text"],
  ["requested_amount", "bigint"],
  ["submitted_at", "timestamptz"],
  ["arrival_date", "date"],
  ["registry_number", "text"],
  ["decision_body", "text"],
  ["decision_date", "date"],
  ["decision_meeting", "text"],
  ["decision_paragraph", "text"],
  ["decision_motivation", "text"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["version", "int"],
]);

export const periodicReports = table("public.periodic_reports", [
  ["id", "uuid"],
  ["association_id", "uuid"],
  ["initiative_id", "uuid"],
  ["period_key", "text"],
  ["period_start", "date"],
  ["period_end", "date"],
  ["due_date", "date"],
  ["status", "text"],
  ["content", "jsonb"],
  ["steering_analysis", "jsonb"],
  ["submitted_at", "timestamptz"],
  ["arrival_date", "date"],
  ["registry_number", "text"],
  ["received_by_initials", "text"],
  ["locked_at", "timestamptz"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["version", "int"],
]);

export const finalReports = table("public.final_reports", [
  ["id", "uuid"],
  ["association_id", "uuid"],
  ["initiative_id", "uuid"],
  ["status", "text"],
  ["content", "jsonb"],
  ["submitted_at", "timestamptz"],
  ["arrival_date", "date"],
  ["registry_number", "text"],
  ["locked_at", "timestamptz"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["version", "int"],
]);

export const finalReportSignatures = table(
  "public.final_report_signatures",
  [
    ["final_report_id", "uuid"],
    ["organisation_id", "uuid"],
    ["signer_name", "text"],
    ["signer_email", "text"],
    ["signer_title", "text"],
    ["method", "text"],
    ["requested_at", "timestamptz"],
    ["signed_on", "date"],
    ["signed_at", "timestamptz"],
    ["signed_version", "int"],
  ],
  [finalReports],
);

/** One version per report: the state it was written in (event "importerad"). */
export const reportVersions = table(
  "public.report_versions",
  [
    ["id", "uuid"],
    ["kind", "text"],
    ["report_id", "uuid"],
    ["version", "int"],
    ["status", "text"],
    ["snapshot", "jsonb"],
    ["event", "text"],
    ["note", "text"],
    ["actor_name", "text"],
    ["created_at", "timestamptz"],
  ],
  [periodicReports, deviationReports, finalReports],
);

export const registryCounters = table("public.registry_counters", [
  ["association_id", "uuid"],
  ["year", "int"],
  ["last_number", "int"],
]);

// money (src/finance/schema.ts)
export const initiativeBudgets = table(
  "public.initiative_budgets",
  [
    ["id", "uuid"],
    ["association_id", "uuid"],
    ["initiative_id", "uuid"],
    ["budget_version", "int"],
    ["status", "text"],
    ["kind", "text"],
    ["reason", "text"],
    ["deviation_report_id", "uuid"],
    ["created_by_name", "text"],
    ["created_at", "timestamptz"],
  ],
  [deviationReports],
);

export const initiativeBudgetLines = table(
  "public.initiative_budget_lines",
  [
    ["budget_id", "uuid"],
    ["period_key", "text"],
    ["year", "int"],
    ["category", "text"],
    ["source", "text"],
    ["organisation_id", "uuid"],
    ["co_kind", "text"],
    ["amount", "bigint"],
  ],
  [initiativeBudgets],
);

export const requisitions = table("public.requisitions", [
  ["id", "uuid"],
  ["association_id", "uuid"],
  ["initiative_id", "uuid"],
  ["period_key", "text"],
  ["period_start", "date"],
  ["period_end", "date"],
  ["status", "text"],
  ["note", "text"],
  ["submitted_at", "timestamptz"],
  ["return_reason", "text"],
  ["approved_at", "timestamptz"],
  ["payment_status", "text"],
  ["paid_on", "date"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["version", "int"],
]);

export const requisitionLines = table(
  "public.requisition_lines",
  [
    ["requisition_id", "uuid"],
    ["category", "text"],
    ["source", "text"],
    ["organisation_id", "uuid"],
    ["co_kind", "text"],
    ["amount", "bigint"],
  ],
  [requisitions],
);

export const returnedFunds = table("public.returned_funds", [
  ["association_id", "uuid"],
  ["initiative_id", "uuid"],
  ["year", "int"],
  ["amount", "bigint"],
  ["reason", "text"],
  ["returned_on", "date"],
  ["created_by_name", "text"],
  ["created_at", "timestamptz"],
]);

export const prognosisOverrides = table("public.prognosis_overrides", [
  ["association_id", "uuid"],
  ["initiative_id", "uuid"],
  ["period_key", "text"],
  ["prognosis", "text"],
  ["comment", "text"],
  ["set_by_name", "text"],
  ["set_at", "timestamptz"],
]);

// the participant register (src/register/schema.ts)
export const participants = table("register.participants", [
  ["id", "uuid"],
  ["association_id", "uuid"],
  ["data_controller_id", "uuid"],
  ["identity_ciphertext", "text"],
  ["identity_lookup", "text"],
  ["identity_kind", "text"],
  ["anonymous", "bool"],
  ["protected_identity", "bool"],
  ["gender", "text"],
  ["birth_year", "int"],
  ["erased_at", "timestamptz"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
  ["version", "int"],
]);

export const enrollments = table(
  "register.enrollments",
  [
    ["id", "uuid"],
    ["participant_id", "uuid"],
    ["association_id", "uuid"],
    ["data_controller_id", "uuid"],
    ["initiative_id", "uuid"],
    ["local_unit_id", "uuid"],
    ["external_key", "text"],
    ["start_date", "date"],
    ["action_plan_date", "date"],
    ["municipality_code", "text"],
    ["background", "jsonb"],
    ["end_date", "date"],
    ["exit", "jsonb"],
    ["voided", "bool"],
    ["created_at", "timestamptz"],
    ["updated_at", "timestamptz"],
    ["version", "int"],
  ],
  [participants],
);

export const consents = table(
  "register.consents",
  [
    ["participant_id", "uuid"],
    ["data_controller_id", "uuid"],
    ["initiative_id", "uuid"],
    ["consented_on", "date"],
    ["text_version", "text"],
    ["language", "text"],
    ["recorded_by_name", "text"],
    ["withdrawn_on", "date"],
    ["created_at", "timestamptz"],
  ],
  [participants],
);

export const erasures = table(
  "register.erasures",
  [
    ["participant_id", "uuid"],
    ["data_controller_id", "uuid"],
    ["reason", "text"],
    ["erased_at", "timestamptz"],
    ["erased_by_name", "text"],
  ],
  [participants],
);

export const countOnlyParticipation = table("register.count_only_participation", [
  ["association_id", "uuid"],
  ["data_controller_id", "uuid"],
  ["initiative_id", "uuid"],
  ["period_key", "text"],
  ["women", "int"],
  ["men", "int"],
  ["others", "int"],
  ["recorded_by_name", "text"],
  ["updated_at", "timestamptz"],
]);

export const accessLog = table("register.access_log", [
  ["at", "timestamptz"],
  ["association_id", "uuid"],
  ["data_controller_id", "uuid"],
  ["actor_name", "text"],
  ["actor_role", "text"],
  ["actor_organisation", "text"],
  ["action", "text"],
  ["fields", "jsonb"],
  ["outcome", "text"],
]);
