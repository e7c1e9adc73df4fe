// Column types the capabilities' schemas share.
import { customType } from "drizzle-orm/pg-core";

/** Raw bytes (an uploaded document), as a Node Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
