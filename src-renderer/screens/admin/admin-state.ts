// The administration screens' state: the city's configuration as the hub has it (admin.overview), reread
// after every change, and forms that validate with the shared schemas and show the hub's refusals beside
// the field they name.
import { useCallback, useState } from 'react';
import { create } from 'zustand';
import type { z } from 'zod';
import type { AdminOverview } from '../../../src-shared/api/admin';
import { DesktopApiError } from '../../../src-shared/api/desktop';
import { formatWarsawDateTime } from '../../../src-shared/format';
import { idSlug } from '../../../src-shared/text';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';

interface AdminState {
  overview?: AdminOverview;
  problem?: string;
  load(): Promise<void>;
}

export const useAdminStore = create<AdminState>((set) => ({
  async load() {
    try {
      set({ overview: await desktop.call('admin.overview', {}), problem: undefined });
    } catch (err) {
      set({ problem: errorText(err) });
    }
  },
}));

export const ROLE_LABELS: Record<string, string> = {
  operator: 'operator',
  coordinator: 'koordynator',
  realizer: 'realizator',
  supervisor: 'nadzorca',
  superSupervisor: 'supernadzorca',
  admin: 'administrator',
};

export const KIND_LABELS = { department: 'komórka UMŁ', agency: 'jednostka miejska' } as const;
export const GROUP_KIND_LABELS = { coordinator: 'koordynatorzy', realizer: 'realizatorzy' } as const;

/** An id from a name, as the contract wants it (small letters, digits, dashes). */
export const slugOf = (text: string) => idSlug(text, 60);

export interface Form<T> {
  values: T;
  set<K extends keyof T>(key: K, value: T[K]): void;
  errors: Partial<Record<string, string>>;
  /** An error not tied to one field. */
  problem?: string;
  busy: boolean;
  /**
   * Validates with the schema (what `prepare` makes of the form's values, where the form keeps them otherwise),
   * then runs `save`; a refusal with a field lands beside that field.
   */
  submit(save: (values: z.output<z.ZodType>) => Promise<void>, prepare?: (values: T) => unknown): Promise<boolean>;
  reset(values: T): void;
}

export function useForm<T extends Record<string, unknown>>(schema: z.ZodType, initial: T): Form<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key as string]: undefined }));
  }, []);
  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
    setProblem(undefined);
  }, []);
  async function submit(save: (values: unknown) => Promise<void>, prepare: (values: T) => unknown = (v) => v): Promise<boolean> {
    setProblem(undefined);
    const parsed = schema.safeParse(prepare(values));
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? '')] ??= issue.message;
      setErrors(found);
      if (found['']) setProblem(found['']);
      return false;
    }
    setBusy(true);
    try {
      await save(parsed.data);
      setErrors({});
      return true;
    } catch (err) {
      const field = err instanceof DesktopApiError ? err.body.field?.split('.')[0] : undefined;
      if (field && field in values) setErrors({ [field]: errorText(err) });
      else setProblem(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { values, set, errors, problem, busy, submit, reset };
}

/** Props that put a field's value and its error on an MUI TextField. */
export function fieldProps<T extends Record<string, unknown>>(form: Form<T>, key: keyof T & string) {
  return {
    name: key,
    value: (form.values[key] as string | undefined) ?? '',
    onChange: (e: { target: { value: string } }) => form.set(key, e.target.value as T[typeof key]),
    error: Boolean(form.errors[key]),
    helperText: form.errors[key],
  };
}

export const formatWhen = (iso: string | null | undefined): string => (iso ? formatWarsawDateTime(iso) : '—');
