// What every page and API handler gets about its request: the services, who is asking, and
// the per-request security values. The server fills it in once per request.
//
// The server runs this module natively while the web build bundles its own copy, and React
// Router contexts are matched by identity, so the key is kept on globalThis to be one object.
import { createContext, type RouterContext, type RouterContextProvider } from "react-router";
import type { Principal } from "../../access/principal.ts";
import type { Mailer } from "../../mail/send-mail.ts";
import type { OidcClient } from "../../sign-in/oidc.ts";
import type { ActiveSession } from "../../sign-in/sessions.ts";
import type { Config } from "../config.ts";
import type { Db } from "../database/connect.ts";
import type { Locale } from "../i18n/locales.ts";
import type { Secrets } from "../secrets.ts";

export interface AppServices {
  config: Config;
  db: Db;
  secrets: Secrets;
  mailer: Mailer;
  oidc: OidcClient | undefined;
}

export interface RequestState {
  services: AppServices;
  requestId: string;
  nonce: string;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
  /** The token every form posts back as `_csrf`. */
  csrfToken: string;
  session: ActiveSession | undefined;
  /** Set only when the session is complete (second factor done). */
  principal: Principal | undefined;
  /** The request carried a session cookie that had expired. */
  sessionExpired: boolean;
}

const KEY = Symbol.for("samspar.requestContext");
const holder = globalThis as unknown as Record<symbol, RouterContext<RequestState> | undefined>;
holder[KEY] ??= createContext<RequestState>();
export const requestContext: RouterContext<RequestState> = holder[KEY];

export const requestState = (context: Readonly<RouterContextProvider>) =>
  context.get(requestContext);
