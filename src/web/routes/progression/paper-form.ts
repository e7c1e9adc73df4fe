// The paper form of a published instrument version as PDF (?sprak=sv, en or so), for those who
// enter measurements (progression.measure on any of their initiatives) and the office that plans
// them (progression.plan). Only reads, so nothing goes to the audit log. The typeface prints the
// Latin script only: Arabic, Persian and Tigrinya are refused with the reason, and those
// participants answer on screen. Answers that are not a PDF are plain text (a download link).
import { can, canOnInitiative, ForbiddenError } from "../../../access/policy.ts";
import { asPlainText, documentResponse, plainText } from "../../../documents/http.ts";
import { UUID } from "../../../platform/uuid.ts";
import {
  isPaperLanguage,
  PAPER_LANGUAGES,
  paperFormFileName,
  renderPaperForm,
} from "../../../progression/paper-form.ts";
import { planChoices } from "../../../progression/plans.ts";
import { requireAssociation } from "../../guard.server.ts";
import { languagesOf } from "../../ui/progression-answers.tsx";
import type { Route } from "./+types/paper-form.ts";

const LANGUAGE_NAMES: Record<string, string> = {
  sv: "svenska",
  en: "engelska",
  so: "somaliska",
  ar: "arabiska",
  fa: "persiska",
  ti: "tigrinja",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const access = await requireAssociation(
    context,
    request,
    params.association,
    "association.enter",
  ).catch((error: unknown) => {
    throw asPlainText(error);
  });
  const { state, principal, association } = access;
  const measures = principal.grants.some(
    (g) =>
      g.associationId === association.id &&
      g.initiativeId !== null &&
      canOnInitiative(principal, "progression.measure", association.id, g.initiativeId),
  );
  if (!measures && !can(principal, "progression.plan", association.id))
    return plainText(403, new ForbiddenError("progression.measure").message);

  const versionId = params.versionId ?? "";
  const [version] = UUID.test(versionId)
    ? await planChoices(state.services.db, association.id, [versionId])
    : [];
  if (!version)
    return plainText(
      404,
      "Instrumentversionen finns inte som publicerad version hos förbundet. Blanketter finns bara för publicerade versioner.",
    );
  const language = new URL(request.url).searchParams.get("sprak") ?? "sv";
  const offered = PAPER_LANGUAGES.map((l) => LANGUAGE_NAMES[l]).join(", ");
  if (!isPaperLanguage(language))
    return plainText(
      400,
      `Blanketten kan inte skrivas ut på ${LANGUAGE_NAMES[language] ?? language}: typsnittet saknar den skriften. Välj ${offered} (sprak=sv, en eller so), eller låt deltagaren svara på skärmen, där frågorna visas på alla språk.`,
    );
  if (!(languagesOf(version.definition) as string[]).includes(language))
    return plainText(
      400,
      `Instrumentet har inte alla texter på ${LANGUAGE_NAMES[language]}. Skriv ut blanketten på svenska (sprak=sv).`,
    );
  const body = await renderPaperForm({
    instrumentName: version.name,
    versionNumber: version.number,
    licence: version.licence,
    definition: version.definition,
    associationName: association.name,
    language,
  });
  return documentResponse({
    body,
    mediaType: "application/pdf",
    fileName: paperFormFileName(version.instrumentKey, version.number, language),
  });
}
