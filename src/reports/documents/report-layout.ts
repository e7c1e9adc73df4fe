// What the reports' documents share: the office's registration boxes under the title, and the
// footer with what the report is about and its diarienummer.
import { dateLines, type Fact, lines } from "../../documents/layout.ts";

/** The registration boxes under the title: the office's stamp. */
export function reportRegistration(r: {
  registryNumber: string | null;
  arrivalDate: string | null;
  receivedByInitials?: string | null;
  statusLabel: string;
}): Fact[] {
  const facts: Fact[] = [
    { label: "Diarienummer", lines: lines(r.registryNumber) },
    { label: "Inkom", lines: dateLines(r.arrivalDate) },
  ];
  if (r.receivedByInitials !== undefined)
    facts.push({ label: "Mottagen av", lines: lines(r.receivedByInitials) });
  facts.push({ label: "Status", lines: [r.statusLabel] });
  return facts;
}

/** The footer of a report: what it is about and its diarienummer, once it has one. */
export const reportFooter = (what: string, registryNumber: string | null) =>
  `${what} · ${registryNumber ? `Dnr ${registryNumber}` : "Ej diarieförd"}`;
