// The follow-up report's pages, inside /:association (src/web/routes.ts spreads this list): the
// association's follow-ups and a new one, a report with its versions, the office's texts, the
// lock with its confirmation, and the downloads (DOCX, PDF, XLSX, JSON).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const followUpRoutes: RouteConfigEntry[] = [
  route("uppfoljning", "routes/follow-up/follow-ups.tsx"),
  route("uppfoljning/:followUpId", "routes/follow-up/follow-up.tsx"),
  route("uppfoljning/:followUpId/andra", "routes/follow-up/follow-up-edit.tsx"),
  route("uppfoljning/:followUpId/las", "routes/follow-up/follow-up-lock.tsx"),
  route("uppfoljning/:followUpId/dokument", "routes/follow-up/follow-up-document.ts"),
];
