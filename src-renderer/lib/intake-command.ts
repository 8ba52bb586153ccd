// Turns the intake draft into the `registerTicket` command of the shared rules (P§8). No rule is
// decided here: the rules refuse what is missing, naming the field.
import type { Command, Location } from '../../src-shared/ticket';
import type { IntakeDraft } from '../state/intake-store';

const trimmed = (text: string) => (text.trim() ? text.trim() : undefined);

export function draftAddress(draft: Pick<IntakeDraft, 'street' | 'houseNumber'>): string {
  const street = draft.street?.name.trim() ?? '';
  return [street, draft.houseNumber.trim()].filter(Boolean).join(' ');
}

export function draftLocation(draft: IntakeDraft): Location | undefined {
  const address = draftAddress(draft);
  if (!address) return undefined;
  const location: Location = { address };
  if (draft.street?.id) location.streetId = draft.street.id;
  const obreb = trimmed(draft.obreb);
  const dzialka = trimmed(draft.dzialka);
  if (obreb) location.obreb = obreb;
  if (dzialka) location.dzialka = dzialka;
  return location;
}

/** The subject the screen suggests until the operator types one: what and where. */
export function suggestedSubject(categoryLabel: string | undefined, address: string): string {
  return [categoryLabel, address].filter(Boolean).join(', ');
}

export function reporterOf(draft: Pick<IntakeDraft, 'wantsAnswer' | 'consent' | 'name' | 'phone' | 'email' | 'postalAddress'>) {
  if (!draft.wantsAnswer) return { wantsAnswer: false, consent: false };
  return {
    wantsAnswer: true,
    consent: draft.consent,
    name: trimmed(draft.name),
    phone: trimmed(draft.phone),
    email: trimmed(draft.email),
    postalAddress: trimmed(draft.postalAddress),
  };
}

export function registerCommand(draft: IntakeDraft): Command {
  const answers = Object.fromEntries(
    Object.entries(draft.templateAnswers)
      .filter(([, v]) => v.trim())
      .map(([k, v]) => [k, v.trim()]),
  );
  return {
    type: 'registerTicket',
    channel: draft.channel,
    categoryId: draft.choice?.categoryId ?? '',
    ...(draft.choice?.subcategoryId ? { subcategoryId: draft.choice.subcategoryId } : {}),
    subject: draft.subject.trim(),
    description: draft.description.trim(),
    templateAnswers: answers,
    ...(draft.scriptAsked ? { scriptAsked: draft.scriptAsked } : {}),
    ...(draftLocation(draft) ? { location: draftLocation(draft) } : {}),
    reporter: reporterOf(draft),
    receivedAt: draft.startedAt,
    rpwIds: draft.rpwId.trim() ? [draft.rpwId.trim()] : [],
    attachments: draft.attachments,
  } as Command;
}
