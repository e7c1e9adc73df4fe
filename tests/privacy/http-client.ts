// A small HTTP client for the planted-identity test: a cookie jar (session and CSRF cookies as a
// browser keeps them), signing in through the real sign-in form, form posts with the page's
// CSRF field, and a breadth-first crawl of every same-origin link a signed-in person can follow
// (GET only: never the sign-out, never a form). Every answer is kept as an Output, with its
// status line and headers (a file name in Content-Disposition or a Location could leak too).
import type { Output } from "./leak-search.ts";

export interface Answer {
  url: string;
  status: number;
  headers: Headers;
  contentType: string;
  body: Uint8Array;
}

/** The answer as searchable output: status, headers and body. */
export function answerOutput(kind: string, answer: Answer): Output[] {
  const head = [`${answer.status} ${answer.url}`];
  answer.headers.forEach((value, name) => {
    head.push(`${name}: ${value}`);
  });
  return [
    { kind, name: `${answer.url} (huvud)`, contentType: "text/plain", body: head.join("\n") },
    { kind, name: answer.url, contentType: answer.contentType, body: answer.body },
  ];
}

export class HttpClient {
  readonly base: string;
  private readonly cookies = new Map<string, string>();
  private readonly headers: Record<string, string>;

  constructor(base: string, headers: Record<string, string> = {}) {
    this.base = base;
    this.headers = headers;
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    };
  }

  async request(path: string, init: RequestInit = {}): Promise<Answer> {
    const url = new URL(path, this.base);
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...this.headers,
        ...this.cookieHeader(),
        ...(init.headers as Record<string, string>),
      },
    });
    this.remember(response);
    const body = new Uint8Array(await response.arrayBuffer());
    return {
      url: url.pathname + url.search,
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get("content-type") ?? "",
      body,
    };
  }

  get(path: string): Promise<Answer> {
    return this.request(path);
  }

  /** Posts a form from the page at `formPage` (GET first, for its CSRF field). */
  async postForm(
    formPage: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<Answer> {
    const page = await this.get(formPage);
    const html = new TextDecoder().decode(page.body);
    const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(html)?.[1];
    if (!csrf) throw new Error(`${formPage} (${page.status}) har inget CSRF-fält`);
    const body = new URLSearchParams({ _csrf: csrf });
    for (const [name, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.request(action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
  }

  /** Signs in through the sign-in form; refuses to go on when a second factor is asked. */
  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.postForm("/logga-in", "/logga-in", { email, password, till: "/" });
    const location = answer.headers.get("location") ?? "";
    if (answer.status < 300 || answer.status >= 400)
      throw new Error(`inloggningen av ${email} gav ${answer.status}, ingen omdirigering`);
    if (location.includes("/logga-in/"))
      throw new Error(`${email} ska ange en andra faktor (${location}): testet kan inte logga in`);
    if (!this.cookies.has("__Host-samspar_session"))
      throw new Error(`inloggningen av ${email} gav ingen sessionskaka`);
  }
}

/** Paths the crawl never follows: signing out, assets, the language switch, OIDC and e-ID. */
const NEVER = [
  /^(\/portal)?\/logga-ut(\/|$)/,
  /^\/assets\//,
  /^(\/portal)?\/sprak(\/|$)/,
  /^\/logga-in\/oidc/,
  /^\/portal\/logga-in\/e-legitimation/,
];

const linkTargets = (html: string): string[] =>
  [...html.matchAll(/<a\b[^>]*?\bhref\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((m) =>
    (m[2] ?? m[3] ?? "")
      .replace(/&amp;/g, "&")
      .replace(/&#x2F;/gi, "/")
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))),
  );

export interface CrawlResult {
  answers: Answer[];
  /** Pages (and files) visited. */
  visited: number;
  /** Links not followed because the cap was reached. */
  leftOver: number;
  /** Links not followed because their kind of page had been visited often enough. */
  sameKind: number;
  statuses: Record<number, number>;
}

/**
 * The kind of a page: its path with ids and numbers replaced, and its query's parameter names.
 * "/demo/registerlogg?deltagare=…" is one kind however many participants the log links to.
 */
export function pageKind(url: URL): string {
  const pathname = url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")
    .replace(/\d+/g, ":n");
  return `${pathname}?${[...new Set(url.searchParams.keys())].sort().join("&")}`;
}

/**
 * Breadth-first over every same-origin link from `seeds`, up to `cap` answers, `parallel` at a
 * time, and at most `perKind` pages of one kind (pageKind) besides the seeds: a list that links
 * to hundreds of records of the same kind is read through a sample of them. Redirects are
 * followed as links (their Location is a page like any other).
 */
export async function crawl(
  client: HttpClient,
  seeds: readonly string[],
  options: {
    cap: number;
    parallel: number;
    perKind: number;
    /** Kinds read to the end (a log's pages): every page of them is followed. */
    everyPage?: readonly RegExp[];
  },
): Promise<CrawlResult> {
  const origin = new URL(client.base).origin;
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  let sameKind = 0;
  const queue: string[] = [];
  const answers: Answer[] = [];
  const statuses: Record<number, number> = {};
  const add = (href: string, from: string, seed = false) => {
    if (!href || href.startsWith("#") || /^(mailto|tel|javascript|data):/i.test(href)) return;
    let url: URL;
    try {
      url = new URL(href, new URL(from, origin));
    } catch {
      return;
    }
    if (url.origin !== origin) return;
    if (NEVER.some((re) => re.test(url.pathname))) return;
    const key = url.pathname + url.search;
    if (seen.has(key)) return;
    seen.add(key);
    const kind = pageKind(url);
    const ofKind = kinds.get(kind) ?? 0;
    const whole = options.everyPage?.some((re) => re.test(kind)) ?? false;
    if (!seed && !whole && ofKind >= options.perKind) {
      sameKind++;
      return;
    }
    // the seeds are read besides the sample: they do not use up their kind's share
    if (!seed) kinds.set(kind, ofKind + 1);
    queue.push(key);
  };
  for (const seed of seeds) add(seed, "/", true);

  let leftOver = 0;
  const worker = async () => {
    for (;;) {
      const next = queue.shift();
      if (next === undefined) return;
      if (answers.length >= options.cap) {
        leftOver++;
        continue;
      }
      const answer = await client.get(next);
      answers.push(answer);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      const location = answer.headers.get("location");
      if (location) add(location, next);
      if (answer.contentType.includes("text/html"))
        for (const href of linkTargets(new TextDecoder().decode(answer.body))) add(href, next);
    }
  };
  // the queue grows as pages are read: workers that found it empty come back while others work
  let running: Array<Promise<void>> = [];
  do {
    running = Array.from({ length: options.parallel }, () => worker());
    await Promise.all(running);
  } while (queue.length > 0);
  return { answers, visited: answers.length, leftOver, sameKind, statuses };
}
