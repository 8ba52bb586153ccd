// The password rules (src-shared/passwords.ts), and that every schema reading a password uses the same maximum.
import { describe, expect, it } from 'vitest';
import { LoginArgs } from '../../src-shared/api/desktop';
import { LoginRequest } from '../../src-shared/api/hub';
import { commonPasswordCount, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../src-shared/passwords';

const code = (password: string, login = 'anowak') => passwordProblem(password, login)?.code;

describe('password rules', () => {
  it('accepts the demo and test passwords and long pass phrases', () => {
    for (const password of [
      'usterka-demo',
      'haslo-testowe-1',
      'bardzo-tajne-haslo',
      'correct horse battery',
      'Źdźbło trawy na Piotrkowskiej',
    ]) {
      expect(passwordProblem(password, 'anowak'), password).toBeUndefined();
    }
  });

  it(`needs ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(code('a'.repeat(PASSWORD_MIN_LENGTH - 3) + 'x1!')).toBeUndefined();
    expect(code('kr0tk1e!')).toBe('tooShort');
    expect(code('ż'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe('tooShort');
    expect(code('długie hasło '.repeat(20).slice(0, PASSWORD_MAX_LENGTH))).toBeUndefined();
    expect(code('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe('tooLong');
    expect(passwordProblem('krótkie', 'x')?.message).toBe(`Hasło musi mieć co najmniej ${PASSWORD_MIN_LENGTH} znaków.`);
  });

  it('refuses the login and passwords containing it, whatever the case', () => {
    expect(code('anowak1234', 'anowak')).toBe('containsLogin');
    expect(code('Moje-ANowak-haslo', 'anowak')).toBe('containsLogin');
    expect(code('operator.lodz', 'operator.lodz')).toBe('containsLogin');
  });

  it('refuses common passwords, also with digits or signs around them', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(1000);
    for (const password of [
      '1234567890',
      'qwertyuiop',
      'password123',
      'P@ssw0rd2026',
      'zaq12wsxcde3',
      'haslo12345',
      'Hasło2026!',
      'Polska123!',
      'kochanie12',
      '!!Kochamcie',
      'widzew1910',
      'Usterka2026',
    ]) {
      expect(code(password), password).toBe('common');
    }
    expect(passwordProblem('qwertyuiop', 'x')?.message).toContain('często używanych');
  });

  it('the hub and the desktop accept at login exactly up to the same maximum', () => {
    const at = (length: number) => ({ login: 'anowak', password: 'x'.repeat(length) });
    expect(LoginRequest.safeParse(at(PASSWORD_MAX_LENGTH)).success).toBe(true);
    expect(LoginRequest.safeParse(at(PASSWORD_MAX_LENGTH + 1)).success).toBe(false);
    expect(LoginArgs.safeParse(at(PASSWORD_MAX_LENGTH)).success).toBe(true);
    expect(LoginArgs.safeParse(at(PASSWORD_MAX_LENGTH + 1)).success).toBe(false);
  });
});
