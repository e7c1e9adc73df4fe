// Every page of the web app. Paths are Swedish because people read them; the authorization
// test (src/access/routes.authorization.test.ts) walks this list against every role.
import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("logga-in", "routes/sign-in.tsx"),
  route("logga-in/kod", "routes/sign-in-code.tsx"),
  route("logga-in/aktivera-kod", "routes/sign-in-enrol.tsx"),
  route("logga-in/oidc", "routes/oidc-start.ts"),
  route("logga-in/oidc/retur", "routes/oidc-callback.ts"),
  route("logga-ut", "routes/sign-out.tsx"),
  route("valkommen/:token", "routes/invitation.tsx"),
  route("konto", "routes/account.tsx"),
  route("sprak", "routes/language.ts"),
  route("tillganglighet", "routes/accessibility.tsx"),
  route(":association", "routes/association/layout.tsx", [
    index("routes/association/overview.tsx"),
    route("insatser", "routes/association/initiatives.tsx"),
    route("insatser/ny", "routes/association/initiative-new.tsx"),
    route("insatser/:initiativeId", "routes/association/initiative.tsx"),
    route("insatser/:initiativeId/andra", "routes/association/initiative-edit.tsx"),
    route("organisationer", "routes/association/member-organisations.tsx"),
    route("organisationer/:organisationId", "routes/association/member-organisation.tsx"),
    route("personer", "routes/association/people.tsx"),
    route("personer/ny", "routes/association/person-new.tsx"),
    route("personer/:userId", "routes/association/person.tsx"),
    route("granskningslogg", "routes/association/audit-log.tsx"),
    route("utkorg", "routes/association/outbox.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
