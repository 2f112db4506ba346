/**
 * A name in the Danish genitive: "Emmas", but "Lukas'", "Max'" and "Liz'" — a name that ends in
 * s, x or z takes an apostrophe instead of another s (Retskrivningsordbogen § 55).
 */
export function danishPossessive(name: string): string {
  const trimmed = name.trimEnd();
  return /[sxz]$/i.test(trimmed) ? `${trimmed}'` : `${trimmed}s`;
}
