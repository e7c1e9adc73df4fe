// The demo's reporting history happens on a timeline: every step (a meeting held, a report
// submitted, registered, locked, a deviation decided) has its moment in 2025–2026 and the steps
// run in that order, so diarienummer follow the arrival dates and the answers Samspår derives
// (meetings held, reports on time) see exactly what had happened by then.

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The last Sunday of a month (1–12) as "YYYY-MM-DD". */
function lastSunday(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return iso(d);
}

/** A moment of a day, Swedish time (summer time from the last Sunday of March to that of October). */
export function swedishTime(date: string, time = "10:00"): Date {
  const year = Number(date.slice(0, 4));
  const summer = date >= lastSunday(year, 3) && date < lastSunday(year, 10);
  return new Date(`${date}T${time}:00${summer ? "+02:00" : "+01:00"}`);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

const dayOfWeek = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** The day itself if it is a weekday, else the Monday after. */
export function workdayFrom(date: string): string {
  const day = dayOfWeek(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** The day itself if it is a weekday, else the Friday before. */
export function workdayUntil(date: string): string {
  const day = dayOfWeek(date);
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/** A stable number for a text: the demo varies its details by it, the same on every seed. */
export function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The steps of the demo's history, run in the order of their moments. */
export class Timeline {
  private readonly steps: Array<{ at: Date; seq: number; run: (at: Date) => Promise<void> }> = [];
  private added = 0;

  /**
   * A step at a moment of a day (Swedish time), given that moment as its clock; steps at the
   * same moment keep their order.
   */
  add(date: string, time: string, run: (at: Date) => Promise<void>): void {
    this.steps.push({ at: swedishTime(date, time), seq: this.added++, run });
  }

  /** Runs the steps in order; a step may add later ones (the minutes after a meeting). */
  async run(): Promise<void> {
    while (this.steps.length) {
      let next = 0;
      for (let i = 1; i < this.steps.length; i++) {
        const a = this.steps[i];
        const b = this.steps[next];
        if (a && b && (a.at.getTime() - b.at.getTime() || a.seq - b.seq) < 0) next = i;
      }
      const [step] = this.steps.splice(next, 1);
      if (step) await step.run(step.at);
    }
  }
}
