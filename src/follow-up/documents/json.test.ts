// The report as JSON is exactly the model, and docs/formats/follow-up-report.schema.json (JSON
// Schema draft 2020-12) describes it: the committed file is the one the code generates, a
// validator built from that file alone (zod's fromJSONSchema, no schema of ours) accepts the
// report and refuses broken ones, and reading a report back names each wrong place in Swedish.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../platform/errors.ts";
import type { FollowUpReport } from "../model.ts";
import { followUpJson, parseFollowUpJson, renderFollowUpJson } from "./json.ts";
import { committedSchemaValidator, followUpFixture } from "./test-fixture.ts";
import { FOLLOW_UP_SCHEMA_FILE, followUpSchemaJson } from "./write-schema.ts";

const broken: Array<[string, (r: FollowUpReport) => void]> = [
  [
    "a portal month that is not a month",
    (r) => {
      (r.portalUsage?.rows[0] as { month: string }).month = "2026-13";
    },
  ],
  [
    "a portal count with a participant's id in it",
    (r) => {
      (r.portalUsage?.rows[0] as unknown as { participantId: string }).participantId = "x";
    },
  ],
  [
    "a progression mean with an unknown reason",
    (r) => {
      const row = r.progression?.rows[0] as { change: { women: unknown } };
      row.change.women = { suppressed: "kanske", threshold: 5 };
    },
  ],
  [
    "a count with decimals",
    (r) => {
      (r.individual.total as { wholeTime: unknown }).wholeTime = { value: 3.5 };
    },
  ],
  [
    "a negative count",
    (r) => {
      (r.exitReasons[0] as { women: unknown }).women = { value: -1 };
    },
  ],
  [
    "an unknown reason for a hidden count",
    (r) => {
      (r.exitReasons[0] as { men: unknown }).men = { suppressed: "kanske", threshold: 5 };
    },
  ],
  [
    "a hidden count with its value",
    (r) => {
      (r.exitReasons[0] as { men: unknown }).men = {
        suppressed: "primary",
        threshold: 5,
        value: 3,
      };
    },
  ],
  [
    "a share above 1",
    (r) => {
      (r.individual.total as { shareToWorkOrStudies: unknown }).shareToWorkOrStudies = {
        ratio: 1.5,
      };
    },
  ],
  [
    "an unknown prognosis",
    (r) => {
      (r.budget.rows[0] as { prognosis: string }).prognosis = "Kanske";
    },
  ],
  [
    "money in öre",
    (r) => {
      (r.budget.rows[0] as { outcome: number }).outcome = 790_500.5;
    },
  ],
  [
    "a date that does not exist",
    (r) => {
      r.period.to = "2026-13-01";
    },
  ],
  [
    "a field the format does not have",
    (r) => {
      (r as unknown as Record<string, unknown>).personnummer = "19900101-1234";
    },
  ],
  [
    "a missing section",
    (r) => {
      delete (r as Partial<FollowUpReport>).participants;
    },
  ],
  [
    "another format",
    (r) => {
      (r as { format: string }).format = "samspar-association-bundle";
    },
  ],
];

describe("the follow-up report as JSON", () => {
  it("is exactly the model", () => {
    const report = followUpFixture();
    const file = renderFollowUpJson(report);
    expect(file.fileName).toBe("uppfoljning-uppland-2026-01-01-2026-06-30-v2.json");
    expect(file.mediaType).toBe("application/json; charset=utf-8");
    expect(JSON.parse(file.body.toString("utf8"))).toEqual(report);
    expect(parseFollowUpJson(followUpJson(report))).toEqual(report);
  });

  it("has its committed schema up to date", () => {
    // regenerate with: node src/follow-up/documents/write-schema.ts
    expect(fs.readFileSync(FOLLOW_UP_SCHEMA_FILE, "utf8")).toBe(followUpSchemaJson());
  });

  it("is valid against the committed schema, and a report not stored is too", () => {
    const validate = committedSchemaValidator();
    const report = followUpFixture();
    expect(validate.safeParse(JSON.parse(followUpJson(report))).success).toBe(true);
    const computed = followUpFixture();
    computed.version = null;
    computed.previous = null;
    computed.participants.rows = computed.participants.rows.map((r) => ({ ...r, change: null }));
    computed.participants.total.change = null;
    expect(validate.safeParse(JSON.parse(followUpJson(computed))).success).toBe(true);
  });

  it("reads a version locked before the progression section (format version 1 without it)", () => {
    const old = followUpFixture();
    delete old.progression;
    expect(committedSchemaValidator().safeParse(JSON.parse(followUpJson(old))).success).toBe(true);
    const read = parseFollowUpJson(followUpJson(old));
    expect(read.progression).toBeUndefined();
    expect(read).toEqual(old);
  });

  it("reads a version locked before the portal section (format version 1 without it)", () => {
    const old = followUpFixture();
    delete old.portalUsage;
    expect(committedSchemaValidator().safeParse(JSON.parse(followUpJson(old))).success).toBe(true);
    const read = parseFollowUpJson(followUpJson(old));
    expect(read.portalUsage).toBeUndefined();
    expect(read).toEqual(old);
  });

  it.each(broken)("refuses %s, by the schema and when read back", (_, breakIt) => {
    const validate = committedSchemaValidator();
    const report = followUpFixture();
    breakIt(report);
    const text = JSON.stringify(report);
    expect(validate.safeParse(JSON.parse(text)).success).toBe(false);
    expect(() => parseFollowUpJson(text)).toThrow(ValidationError);
  });

  it("names the wrong place in Swedish when read back", () => {
    const report = followUpFixture();
    (report.budget.rows[2] as { outcome: unknown }).outcome = "tolv";
    try {
      parseFollowUpJson(JSON.stringify(report));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).fields;
      expect(Object.keys(fields)).toEqual(["budget.rows[2].outcome"]);
      expect(fields["budget.rows[2].outcome"]).toMatch(/^budget\.rows\[2\]\.outcome: Ogiltig/);
    }
    expect(() => parseFollowUpJson("{inte json")).toThrow(/Filen är inte JSON/);
  });
});
