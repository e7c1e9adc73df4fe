// The accessibility statement the law on accessible digital public services (DOS-lagen) asks for.
import { useT } from "../ui/i18n.tsx";

export default function Accessibility() {
  const t = useT();
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("accessibility.title")} – Samspår`}</title>
      <h1>{t("accessibility.title")}</h1>
      <p>{t("accessibility.intro")}</p>
      <h2>{t("accessibility.statusTitle")}</h2>
      <p>{t("accessibility.status")}</p>
      <h2>{t("accessibility.reportTitle")}</h2>
      <p>{t("accessibility.report")}</p>
      <h2>{t("accessibility.enforcementTitle")}</h2>
      <p>{t("accessibility.enforcement")}</p>
    </main>
  );
}
