// The parties' signatures on a document's page, for applications and final reports alike: each
// party (member organisation) signs, by an e-mailed link or on paper that the office registers.
// The table of who has signed, with a button to withdraw a request or remove a signature, and the
// two forms that ask for a signature by link and register one from paper. Each document says it
// in its own words (`SignatureWords`); what is drawn, and the fields' names, are the same.
import type { MessageKey } from "../../platform/i18n/translate.ts";
import { SelectField, SubmitButton, TextField } from "./form.tsx";
import { useI18n } from "./i18n.tsx";
import { IntentForm, type Problem } from "./workflow-panels.tsx";

/** One signature as a page shows it: dates already formatted. */
export interface SignatureView {
  state: "requested" | "expired" | "signed";
  /** Unknown (null) only for a final report signed before the method was kept. */
  method: "link" | "paper" | null;
  name: string;
  title: string;
  email: string;
  requestedOn: string;
  expiresOn: string;
  signedOn: string;
}

/** A party of the initiative and its signature, if one is asked for or given. */
export interface PartySignature {
  organisationId: string;
  name: string;
  isOwner: boolean;
  signature: SignatureView | null;
}

/** The document's words for the signatures: the keys in its own catalogue. */
export interface SignatureWords {
  party: MessageKey;
  state: MessageKey;
  details: MessageKey;
  actions: MessageKey;
  owner: MessageKey;
  signedCount: MessageKey;
  requested: MessageKey;
  expired: MessageKey;
  signed: MessageKey;
  signedBy: MessageKey;
  /** A signature whose method is not known: only where that can be (`SignatureView.method`). */
  signedByRecorded?: MessageKey;
  methodLink: MessageKey;
  methodPaper: MessageKey;
  requestedFrom: MessageKey;
  remove: MessageKey;
  withdraw: MessageKey;
  signerName: MessageKey;
  signerTitle: MessageKey;
  signerTitleHint: MessageKey;
  signerEmail: MessageKey;
  signerEmailOptional: MessageKey;
  requestSubmit: MessageKey;
  signedOn: MessageKey;
  dateHint: MessageKey;
  paperSubmit: MessageKey;
}

/** How many of the parties have signed. */
export const countSigned = (parties: readonly PartySignature[]) =>
  parties.filter((p) => p.signature?.state === "signed").length;

/**
 * Missing signatures (a refused submission, or a request for an incomplete document) link to
 * where they are asked for on the page; an incomplete document's, to its edit page.
 */
export const linkSignatureProblems = (
  problems: Problem[],
  { failedIntent, editable, base }: { failedIntent: string; editable: boolean; base: string },
): Problem[] =>
  problems.map((p) =>
    p.key === "signatures"
      ? {
          ...p,
          href:
            failedIntent === "request-signature" && editable ? `${base}/andra` : "#underskrifter",
        }
      : p,
  );

/** The workflow form's state on the page (`useWorkflow`): what a refused form held, and why. */
interface FormState {
  action: string;
  formKey: string;
  errors: Record<string, string>;
  value: (name: string, fallback?: string) => string;
}

/**
 * The parties and their signatures. `unsigned` says what a party without one is (not asked
 * yet, or not signed at all once the document is submitted); `removable` adds the button that
 * withdraws a request or removes a signature.
 */
export function SignatureTable({
  parties,
  words,
  unsigned,
  removable,
  action,
  formKey,
}: {
  parties: readonly PartySignature[];
  words: SignatureWords;
  unsigned: MessageKey;
  removable: boolean;
  action: string;
  formKey: string;
}) {
  const { t } = useI18n();
  const details = (s: SignatureView) => {
    const name = s.title ? `${s.name}, ${s.title}` : s.name;
    if (s.state !== "signed")
      return t(words.requestedFrom, {
        name: s.name,
        email: s.email,
        date: s.requestedOn,
        expires: s.expiresOn,
      });
    if (!s.method && words.signedByRecorded)
      return t(words.signedByRecorded, { name, date: s.signedOn });
    return t(words.signedBy, {
      name,
      date: s.signedOn,
      method: t(s.method === "paper" ? words.methodPaper : words.methodLink),
    });
  };
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {t(words.signedCount, { signed: countSigned(parties), total: parties.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(words.party)}</th>
            <th scope="col">{t(words.state)}</th>
            <th scope="col">{t(words.details)}</th>
            {removable ? (
              <th scope="col">
                <span className="visually-hidden">{t(words.actions)}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => {
            const s = p.signature;
            return (
              <tr key={p.organisationId}>
                <th scope="row">
                  {p.name}
                  {p.isOwner ? <span className="field__hint"> ({t(words.owner)})</span> : null}
                </th>
                <td>{t(s ? words[s.state] : unsigned)}</td>
                <td>{s ? details(s) : ""}</td>
                {removable ? (
                  <td>
                    {s ? (
                      <IntentForm action={action} intent="remove-signature" formKey={formKey}>
                        <input type="hidden" name="organisationId" value={p.organisationId} />
                        <button type="submit" className="link-button">
                          {t(s.state === "signed" ? words.remove : words.withdraw, {
                            party: p.name,
                          })}
                        </button>
                      </IntentForm>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Who signs for which party: the same fields whether the signature comes by link or on paper
 * (the party first not signed is chosen to begin with).
 */
function SignerFields({
  prefix,
  parties,
  words,
  form,
}: {
  prefix: "request" | "paper";
  parties: readonly PartySignature[];
  words: SignatureWords;
  form: FormState;
}) {
  const { t } = useI18n();
  const { errors, value } = form;
  const firstUnsigned =
    parties.find((p) => p.signature?.state !== "signed")?.organisationId ??
    parties[0]?.organisationId;
  return (
    <>
      <SelectField
        name={`${prefix}-party`}
        label={t(words.party)}
        options={parties.map((p) => ({ value: p.organisationId, label: p.name }))}
        defaultValue={value(`${prefix}-party`, firstUnsigned)}
        error={errors[`${prefix}-party`]}
        required
      />
      <TextField
        name={`${prefix}-name`}
        label={t(words.signerName)}
        autoComplete="off"
        defaultValue={value(`${prefix}-name`)}
        error={errors[`${prefix}-name`]}
        required
      />
      <TextField
        name={`${prefix}-title`}
        label={t(words.signerTitle)}
        hint={t(words.signerTitleHint)}
        autoComplete="off"
        defaultValue={value(`${prefix}-title`)}
        error={errors[`${prefix}-title`]}
      />
      <TextField
        name={`${prefix}-email`}
        type="email"
        label={t(prefix === "paper" ? words.signerEmailOptional : words.signerEmail)}
        autoComplete="off"
        defaultValue={value(`${prefix}-email`)}
        error={errors[`${prefix}-email`]}
        required={prefix === "request"}
      />
    </>
  );
}

/** Asks a party's authorised person to sign, by an e-mailed link. */
export function SignatureRequestForm(props: {
  parties: readonly PartySignature[];
  words: SignatureWords;
  form: FormState;
}) {
  const { t } = useI18n();
  const { action, formKey } = props.form;
  return (
    <IntentForm action={action} intent="request-signature" formKey={formKey}>
      <SignerFields prefix="request" {...props} />
      <SubmitButton variant="secondary">{t(props.words.requestSubmit)}</SubmitButton>
    </IntentForm>
  );
}

/** The office registers a party's signature from a signed paper original, dated (by default) today. */
export function PaperSignatureForm(props: {
  parties: readonly PartySignature[];
  words: SignatureWords;
  form: FormState;
  today: string;
}) {
  const { t } = useI18n();
  const { action, formKey, errors, value } = props.form;
  return (
    <IntentForm action={action} intent="paper-signature" formKey={formKey}>
      <SignerFields prefix="paper" parties={props.parties} words={props.words} form={props.form} />
      <TextField
        name="paper-date"
        type="date"
        label={t(props.words.signedOn)}
        hint={t(props.words.dateHint)}
        width="short"
        defaultValue={value("paper-date", props.today)}
        error={errors["paper-date"]}
        required
      />
      <SubmitButton variant="secondary">{t(props.words.paperSubmit)}</SubmitButton>
    </IntentForm>
  );
}
