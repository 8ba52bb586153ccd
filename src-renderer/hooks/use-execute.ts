// Running a ticket command through the core (the shared rules decide; the screen only shows the answer).
import { useCallback, useState } from 'react';
import type { ExecuteResult } from '../../src-shared/api/desktop';
import type { Command, Refusal } from '../../src-shared/ticket';
import { desktop } from '../api/desktop-client';
import { errorText } from './use-desktop';

export type Executed = Extract<ExecuteResult, { ok: true }>;

/** Runs a command; a transport failure becomes a refusal too, so forms show one kind of problem. */
export async function executeCommand(command: Command, ticket?: string): Promise<ExecuteResult> {
  try {
    return await desktop.call('tickets.execute', {
      ...(ticket ? { ticket } : {}),
      command: command as Record<string, unknown> & { type: string },
    });
  } catch (err) {
    return { ok: false, refusal: { code: 'internalError', message: `Nie udało się zapisać: ${errorText(err)}` } };
  }
}

export function useExecute() {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const run = useCallback(async (command: Command, ticket?: string): Promise<Executed | undefined> => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const result = await executeCommand(command, ticket);
      if (result.ok) return result;
      setRefusal(result.refusal as Refusal);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, refusal, setRefusal };
}

/** The refusal's message when it names one of `fields` (exact dotted paths). */
export function refusalFor(refusal: Refusal | undefined, ...fields: string[]): string | undefined {
  const at = refusal?.field;
  return at !== undefined && fields.includes(at) ? refusal!.message : undefined;
}
