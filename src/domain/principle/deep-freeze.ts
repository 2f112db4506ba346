/**
 * Presets and guideposts are shared by every request and by the demo generator; freezing them
 * makes an accidental edit of one school's copy fail loudly instead of changing every later draft.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
