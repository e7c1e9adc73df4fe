// The money capability's requisition pages, inside /:association (src/web/routes.ts spreads this list).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const requisitionRoutes: RouteConfigEntry[] = [
  route("rekvisitioner", "routes/finance/requisitions.tsx"),
  route("rekvisitioner/ny", "routes/finance/requisition-new.tsx"),
  route("rekvisitioner/:requisitionId", "routes/finance/requisition.tsx"),
  route("rekvisitioner/:requisitionId/andra", "routes/finance/requisition-edit.tsx"),
  route("rekvisitioner/:requisitionId/bilagor/:fileId", "routes/finance/requisition-attachment.ts"),
];
