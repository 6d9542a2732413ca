// Choosing the name of a sheet the project writes without touching a user's sheet.

/**
 * `desired` when free or when it is the project's own earlier sheet (`own`, found by its
 * marker); otherwise "desired (2)", "desired (3)" … within Excel's 31 characters.
 * `replaces` names the project's own sheet to delete first, if any.
 */
export function resolveSheetName(
  desired: string,
  existing: readonly string[],
  own: string | undefined,
): { name: string; replaces: string | null } {
  const lower = new Set(existing.map((n) => n.toLowerCase()));
  if (own !== undefined && lower.has(own.toLowerCase())) {
    // Our earlier sheet is deleted first, so its name (or the desired one, if free) can be used.
    if (own.toLowerCase() === desired.toLowerCase() || !lower.has(desired.toLowerCase())) {
      return { name: desired, replaces: own };
    }
    lower.delete(own.toLowerCase());
    return { name: freeName(desired, lower), replaces: own };
  }
  return { name: freeName(desired, lower), replaces: null };
}

function freeName(desired: string, taken: Set<string>): string {
  if (!taken.has(desired.toLowerCase())) return desired;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = desired.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
