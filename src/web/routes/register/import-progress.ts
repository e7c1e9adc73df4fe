// The import page's progress route: with JavaScript the page posts its forms here instead of to
// its own action, and reads the answer as it comes — newline-delimited JSON (NDJSON):
//
//   {"type":"started","intent":"check","fileName":"deltagare.xlsx"}
//   {"type":"progress","done":1000,"total":40000}        (repeated)
//   {"type":"result","answer":{"checked":…,"carried":…}} (the page's own action data)
//
// or a single {"type":"failure","errors":…,"values":…} (status 400) for a form the page refuses,
// or {"type":"error"} when the import fails midway (nothing is written then). The work and the
// checks of who may do it are the page action's own (import.server.ts); the CSRF token and the
// size limit are checked for every page post before this is reached (src/server/http-app.ts).
// A reader that goes away stops the import: the next progress call throws, and the import's
// transaction is rolled back.
import { data } from "react-router";
import { stateOf } from "../../guard.server.ts";
import type { Route } from "./+types/import-progress.ts";
import { type ImportAnswer, prepareImport } from "./import.server.ts";
import { requireRegister } from "./register-access.server.ts";

export type ProgressLine =
  | { type: "started"; intent: "check" | "import"; fileName: string }
  | { type: "progress"; done: number; total: number }
  | { type: "result"; answer: ImportAnswer }
  | { type: "failure"; errors: Record<string, string>; values: Record<string, string> }
  | { type: "error" };

export const NDJSON = "application/x-ndjson";

const HEADERS = {
  "Content-Type": `${NDJSON}; charset=utf-8`,
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/** At least this long between two progress lines, unless a tenth of the file has passed. */
const PROGRESS_INTERVAL_MS = 250;

class ReaderGone extends Error {
  constructor() {
    super("the reader of the import's progress went away");
  }
}

const line = (value: ProgressLine) => `${JSON.stringify(value)}\n`;

/** Someone who opens the address itself is told what it is for; only the import page posts here. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association);
  return data({
    message: `Den här adressen tar emot deltagarfiler från importsidan, /${register.association.slug}/deltagare/importera, och svarar med kontrollens förlopp.`,
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const prepared = await prepareImport(context, request, params.association);
  if ("failure" in prepared)
    return new Response(line({ type: "failure", ...prepared.failure }), {
      status: 400,
      headers: HEADERS,
    });
  const { job } = prepared;
  const { requestId } = stateOf(context);
  const encoder = new TextEncoder();
  let gone = false;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (value: ProgressLine) => {
        if (!gone) controller.enqueue(encoder.encode(line(value)));
      };
      send({ type: "started", intent: job.intent, fileName: job.fileName });
      let lastAt = 0;
      let lastDone = -1;
      const onProgress = ({ done, total }: { done: number; total: number }) => {
        if (gone) throw new ReaderGone();
        const now = Date.now();
        if (
          done >= total ||
          now - lastAt >= PROGRESS_INTERVAL_MS ||
          done - lastDone >= total / 10
        ) {
          lastAt = now;
          lastDone = done;
          send({ type: "progress", done, total });
        }
      };
      // not awaited: the stream is answered at once, and filled while the import runs
      void job
        .run(onProgress)
        .then(
          (answer) => send({ type: "result", answer }),
          (error: unknown) => {
            if (error instanceof ReaderGone || gone) return;
            console.error(`[${requestId}] the import failed midway`, error);
            send({ type: "error" });
          },
        )
        .finally(() => {
          if (!gone) controller.close();
        });
    },
    cancel() {
      gone = true;
    },
  });
  return new Response(body, { status: 200, headers: HEADERS });
}
