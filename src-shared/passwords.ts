// The password rules, in one place (OWASP ASVS V2.1): the hub's login contract and the desktop's login
// form accept up to PASSWORD_MAX_LENGTH, so every password that may be set can be typed at login; the
// rules for a new password apply where one is set (the admin CLI), never at login. Lengths count as zod
// counts them (string length), so the limit is the same number everywhere.
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblemCode = 'tooShort' | 'tooLong' | 'containsLogin' | 'common';

export interface PasswordProblem {
  code: PasswordProblemCode;
  /** For screens, in Polish. */
  message: string;
}

const MESSAGES: Record<PasswordProblemCode, string> = {
  tooShort: `Hasło musi mieć co najmniej ${PASSWORD_MIN_LENGTH} znaków.`,
  tooLong: `Hasło może mieć najwyżej ${PASSWORD_MAX_LENGTH} znaków.`,
  containsLogin: 'Hasło nie może być loginem ani go zawierać.',
  common: 'To hasło jest na liście często używanych haseł — wybierz inne.',
};

let common: Set<string> | undefined;
function isCommon(lower: string): boolean {
  common ??= new Set(COMMON_PASSWORDS.split(/\s+/).filter(Boolean));
  // Also a common password with digits or signs around it ("haslo123!", "2024qwerty").
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return common.has(lower) || (core.length >= 4 && common.has(core));
}

/** What is wrong with `password` as a new password for `login`, or undefined when nothing is. */
export function passwordProblem(password: string, login: string): PasswordProblem | undefined {
  const problem = (code: PasswordProblemCode): PasswordProblem => ({ code, message: MESSAGES[code] });
  if (password.length > PASSWORD_MAX_LENGTH) return problem('tooLong');
  const normalized = password.normalize('NFC');
  if ([...normalized].length < PASSWORD_MIN_LENGTH) return problem('tooShort');
  const lower = normalized.toLowerCase();
  const loginLower = login.trim().normalize('NFC').toLowerCase();
  if (loginLower && (lower === loginLower || (loginLower.length >= 3 && lower.includes(loginLower)))) return problem('containsLogin');
  if (isCommon(lower)) return problem('common');
  return undefined;
}

/** How many distinct passwords the common list holds (for tests and documentation). */
export function commonPasswordCount(): number {
  isCommon('');
  return common!.size;
}
