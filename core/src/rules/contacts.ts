/**
 * Contact details (docs/domain.md § Identity numbers, § Checks across fields and records). The mobile pattern is the de-facto one: no MIIT rule
 * on number segments was found, so none is enforced beyond 1[3-9].
 */

/** A mainland mobile number: 11 digits, 13x–19x. */
export function isMobile(value: unknown): boolean {
  return typeof value === 'string' && /^1[3-9]\d{9}$/.test(value);
}

/**
 * A plausible email address: local part of letters, digits and . _ % + -, a domain of labels and a
 * top-level domain of at least 2 letters. No rule is published; this refuses typos such as a
 * missing @, spaces, `..` or a trailing dot, not unusual but valid addresses.
 */
export function isEmail(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 100) return false;
  if (value.includes('..')) return false;
  return /^[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/.test(
    value,
  );
}
