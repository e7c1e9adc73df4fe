// The errors a use case may raise on purpose. Edges turn them into Swedish messages in the UI
// and problem+json in the API; anything else is a bug and is logged, never shown.

/** Input that cannot be accepted; `fields` maps a field name to what the user should fix. */
export class ValidationError extends Error {
  readonly status = 400;
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>) {
    super(Object.values(fields).join(" "));
    this.fields = fields;
    this.name = "ValidationError";
  }
}

/** Someone else changed the record since it was read (optimistic concurrency). */
export class ConflictError extends Error {
  readonly status = 409;
  /** What the other person changed, field by field, as the lines a person reads. */
  readonly changes: ConflictChange[];
  constructor(
    message = "Någon annan har ändrat uppgifterna medan du arbetade. Ladda om sidan, kontrollera ändringarna och försök igen.",
    changes: ConflictChange[] = [],
  ) {
    super(message);
    this.name = "ConflictError";
    this.changes = changes;
  }
}

export interface ConflictChange {
  field: string;
  label: string;
  /** The value when you started, and the value the other person saved. */
  before: string[];
  theirs: string[];
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = "Det du söker finns inte, eller så har du inte behörighet att se det.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export const isExpectedError = (e: unknown): e is ValidationError | ConflictError | NotFoundError =>
  e instanceof ValidationError || e instanceof ConflictError || e instanceof NotFoundError;

/** PostgreSQL's unique_violation, seen through Drizzle's wrapper. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg =
    (error as { cause?: { code?: string; constraint?: string } })?.cause ??
    (error as { code?: string; constraint?: string });
  return pg?.code === "23505" && (!constraint || pg.constraint === constraint);
}
