// The office returns a document for completion with a message saying what to complete, sent
// with the version it was read at (intent `return`, field `return-message`). Applications and
// final reports are returned the same way and say it in their own words (`ReturnWords`).
import type { MessageKey } from "../../platform/i18n/translate.ts";
import { TextArea } from "./fields.tsx";
import { SubmitButton } from "./form.tsx";
import { useI18n } from "./i18n.tsx";
import { IntentForm } from "./workflow-panels.tsx";

export interface ReturnWords {
  title: MessageKey;
  message: MessageKey;
  messageHint: MessageKey;
  submit: MessageKey;
}

/** The return form under its heading, inside the page's review panel. */
export function ReturnForm({
  form,
  version,
  words,
}: {
  form: {
    action: string;
    formKey: string;
    errors: Record<string, string>;
    value: (name: string, fallback?: string) => string;
  };
  version: number;
  words: ReturnWords;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t(words.title)}</h3>
      <IntentForm action={form.action} intent="return" version={version} formKey={form.formKey}>
        <TextArea
          name="return-message"
          label={t(words.message)}
          hint={t(words.messageHint)}
          defaultValue={form.value("return-message")}
          error={form.errors["return-message"]}
          required
        />
        <SubmitButton variant="secondary">{t(words.submit)}</SubmitButton>
      </IntentForm>
    </>
  );
}
