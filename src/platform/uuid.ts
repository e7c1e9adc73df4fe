// The form of a database id (PostgreSQL's uuid, as text). Checked before an id from an address,
// a form or a file reaches a query: PostgreSQL refuses a malformed uuid with an error, and the
// answer should be "not found" or a Swedish message instead.
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Is this text a database id? */
export const isUuid = (value: unknown): value is string =>
  typeof value === "string" && UUID.test(value);
