// Refusals: why a command was not accepted, with a stable code for programs, the offending field
// for forms, and a Polish message for people.
import type { z } from 'zod';
import { fieldLabel } from './labels';

export type RefusalCode =
  | 'forbidden' // the actor may not do this to this ticket (role, group or unit)
  | 'invalidState' // not in the ticket's current state
  | 'invalidInput' // missing or malformed data; `field` names it
  | 'snowIce' // P§5.2: snow and ice are not registered in the app
  | 'notFound' // the ticket does not exist
  | 'conflict' // a mutation id came again with other content (a restored or cloned workstation)
  | 'internalError'; // a bug: decide caught an exception (never expected)

export interface Refusal {
  code: RefusalCode;
  /** The command field at fault, as a dotted path (`reporter.email`, `parts.0.scope`). */
  field?: string;
  /** For the user, in Polish. */
  message: string;
}

export const refuse = (code: RefusalCode, message: string, field?: string): Refusal =>
  field === undefined ? { code, message } : { code, field, message };

export const invalidInput = (field: string, message: string) => refuse('invalidInput', message, field);

/** Turns the first zod issue into a refusal naming the field, with a Polish message. */
export function refusalFromZod(error: z.ZodError, prefix = '', commandType?: string): Refusal {
  const issue = error.issues[0];
  const path = issue ? issue.path.map(String) : [];
  if (issue?.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  const field = [prefix, ...path].filter(Boolean).join('.');
  const label = field ? `„${fieldLabel(field, commandType)}”` : 'dane';
  // `input` is reported (safeParse with reportInput): undefined means the field is missing
  const missing = !!issue && 'input' in issue && issue.input === undefined;
  let message: string;
  if (missing) message = `Brak wymaganej wartości: ${label}.`;
  else if (issue?.code === 'too_small' && issue.origin === 'string') message = `Pole ${label} nie może być puste.`;
  else if (issue?.code === 'too_small' && issue.origin === 'array') message = `Pole ${label} wymaga co najmniej ${issue.minimum} pozycji.`;
  else if (issue?.code === 'too_big') message = `Pole ${label} jest za długie.`;
  else if (issue?.code === 'invalid_format' && issue.format === 'datetime')
    message = `Pole ${label} musi zawierać datę i godzinę (ISO 8601, UTC).`;
  else if (issue?.code === 'invalid_format' && issue.format === 'date') message = `Pole ${label} musi zawierać poprawną datę (RRRR-MM-DD).`;
  else if (issue?.code === 'invalid_format' && issue.format === 'email') message = `Pole ${label} musi zawierać poprawny adres e-mail.`;
  else if (issue?.code === 'unrecognized_keys') message = `Nieznane pole ${label}.`;
  else message = `Nieprawidłowa wartość pola ${label}.`;
  return invalidInput(field, message);
}
