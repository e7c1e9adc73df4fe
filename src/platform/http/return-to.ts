// Where a person may be sent back to after signing in: only a path on this site, never
// another host (`//evil.example`, `/\evil.example`) or anything that is not a path.
export function safeReturnTo(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}
