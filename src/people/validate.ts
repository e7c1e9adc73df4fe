// Field rules shared by every way a person is added (web form, CLI, import).
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function emailProblem(email: string): string | undefined {
  if (!email) return "Fyll i en e-postadress.";
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return "Skriv e-postadressen i formen namn@exempel.se.";
  }
  return undefined;
}

export function nameProblem(name: string): string | undefined {
  if (!name.trim()) return "Fyll i namnet.";
  if (name.length > 200) return "Namnet får ha högst 200 tecken.";
  return undefined;
}
