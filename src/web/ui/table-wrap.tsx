// A wide table's scrolling frame: a named region that takes focus, so a keyboard user can
// scroll it (axe: scrollable-region-focusable) and a screen reader announces what it holds.
import type { ReactNode } from "react";

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
