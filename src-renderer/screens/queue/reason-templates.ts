// Reason templates: texts a group reuses for returns, suspensions, closures and answers, kept on this
// workstation (local storage) per group and kind of text.
export type ReasonKind = 'return' | 'suspend' | 'close' | 'answer' | 'other';

const key = (groupId: string, kind: ReasonKind) => `usterka.reason-templates.${groupId}.${kind}`;

export function loadTemplates(groupId: string, kind: ReasonKind): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(key(groupId, kind)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export function addTemplate(groupId: string, kind: ReasonKind, text: string): string[] {
  const list = [...new Set([...loadTemplates(groupId, kind), text.trim()])].filter(Boolean).sort((a, b) => a.localeCompare(b, 'pl'));
  localStorage.setItem(key(groupId, kind), JSON.stringify(list));
  return list;
}

export function removeTemplate(groupId: string, kind: ReasonKind, text: string): string[] {
  const list = loadTemplates(groupId, kind).filter((t) => t !== text);
  localStorage.setItem(key(groupId, kind), JSON.stringify(list));
  return list;
}

/** Which kind of text a command's field is, for its templates. */
export function reasonKindOf(command: string, field: string): ReasonKind | undefined {
  if (command === 'returnToOperator' || command === 'returnToCoordinator' || command === 'rejectContractorWork') return 'return';
  if (command === 'suspend') return 'suspend';
  if (command === 'recordAnswerToReporter') return 'answer';
  if (['closeNonInterventional', 'resolve', 'forwardExternalAndClose', 'closeOutOfScope', 'closeHandledOutside'].includes(command))
    return 'close';
  return ['reason', 'note', 'summary', 'delayReason'].includes(field) ? 'other' : undefined;
}
