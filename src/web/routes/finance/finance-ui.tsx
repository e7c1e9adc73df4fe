// Small pieces the money pages share: amounts and ratios shown the Swedish way (right-aligned by
// the table's "num" class), and the prognosis as a tag whose colour always comes with its name.
import type { Prognosis } from "../../../finance/schema.ts";
import { formatMoney } from "../../../platform/i18n/format.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { useI18n } from "../../ui/i18n.tsx";

export const PROGNOSIS_KEYS: Record<Prognosis, MessageKey> = {
  ok: "finance.prognosis.ok",
  bevaka: "finance.prognosis.bevaka",
  atgard: "finance.prognosis.atgard",
  avslutad: "finance.prognosis.avslutad",
};

export const REQUISITION_STATUS_KEYS: Record<string, MessageKey> = {
  utkast: "finance.requisition.utkast",
  inskickad: "finance.requisition.inskickad",
  aterskickad: "finance.requisition.aterskickad",
  godkand: "finance.requisition.godkand",
};

/** "1 420 000 kr" in the page's language; "–" for nothing. */
export function Money({ amount }: { amount: number | null | undefined }) {
  const { locale } = useI18n();
  return <>{amount === null || amount === undefined ? "–" : formatMoney(amount, locale)}</>;
}

/** A ratio in whole per cent ("93 %"), or "–" with its reason for screen readers. */
export function Ratio({ percent }: { percent: number | null }) {
  const { t } = useI18n();
  if (percent === null)
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t("finance.noRatio")}</span>
      </>
    );
  return <>{t("finance.percent", { percent })}</>;
}

/**
 * The prognosis as a tag: its name is the text (never colour alone); the class gives the colour
 * (tag--prognos-ok green, -bevaka yellow, -atgard red, -avslutad grey).
 */
export function PrognosisTag({ prognosis }: { prognosis: Prognosis }) {
  const { t } = useI18n();
  return <span className={`tag tag--prognos-${prognosis}`}>{t(PROGNOSIS_KEYS[prognosis])}</span>;
}

/**
 * A wide table's scrolling frame: focusable, so a keyboard user can scroll it, and named by the
 * table's caption (the region's label).
 */
export { TableWrap } from "../../ui/table-wrap.tsx";
