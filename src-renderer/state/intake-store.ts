// The phone call being taken (P§8): the draft stays while the operator looks something up in
// another tab, and is cleared by "new call" (Alt+N).
import { create } from 'zustand';
import type { AttachmentRef, Refusal } from '../../src-shared/ticket';
import type { CategoryChoice } from '../lib/category-search';
import type { ReporterDraft } from '../screens/intake/ReporterFields';

export type IntakeChannel = 'phone' | 'email' | 'ezd' | 'other';

export interface IntakeDraft extends ReporterDraft {
  /** When the operator started this call: the first thing typed (the ticket's time of receipt). */
  startedAt: string;
  touched: boolean;
  choice: CategoryChoice | null;
  templateAnswers: Record<string, string>;
  /** The script's questions as they were when the category was chosen (see scriptAsked in the command). */
  scriptAsked?: string[];
  street: { id?: string; name: string } | null;
  houseNumber: string;
  obreb: string;
  dzialka: string;
  subject: string;
  /** The operator typed the subject; until then it follows the category and the address. */
  subjectTouched: boolean;
  description: string;
  channel: IntakeChannel;
  rpwId: string;
  attachments: AttachmentRef[];
}

export interface SavedCall {
  /** `registered`: a new ticket; `inquiry`: the call was added to an existing ticket (duplicate, P§23.3.1). */
  kind: 'registered' | 'inquiry';
  number: string;
  savedLocally: boolean;
  /** Numbers of the parts when the call was split (P§11). */
  partNumbers: string[];
  categoryId: string;
}

interface IntakeState {
  draft: IntakeDraft;
  refusal?: Refusal;
  saving: boolean;
  saved?: SavedCall;
  /** Bumped on every new call, so the screen puts focus back on the category search. */
  callSeq: number;
  update(patch: Partial<IntakeDraft>): void;
  setAnswer(fieldId: string, value: string): void;
  setRefusal(refusal: Refusal | undefined): void;
  setSaving(saving: boolean): void;
  setSaved(saved: SavedCall | undefined): void;
  newCall(): void;
}

export const emptyDraft = (now = new Date()): IntakeDraft => ({
  startedAt: now.toISOString(),
  touched: false,
  choice: null,
  templateAnswers: {},
  street: null,
  houseNumber: '',
  obreb: '',
  dzialka: '',
  subject: '',
  subjectTouched: false,
  description: '',
  wantsAnswer: false,
  name: '',
  phone: '',
  email: '',
  postalAddress: '',
  consent: false,
  channel: 'phone',
  rpwId: '',
  attachments: [],
});

/** The call starts with the first thing the operator enters. */
const touch = (draft: IntakeDraft): IntakeDraft =>
  draft.touched ? draft : { ...draft, touched: true, startedAt: new Date().toISOString() };

export const useIntakeStore = create<IntakeState>((set) => ({
  draft: emptyDraft(),
  saving: false,
  callSeq: 0,
  update: (patch) => set((s) => ({ draft: { ...touch(s.draft), ...patch }, refusal: undefined })),
  setAnswer: (fieldId, value) =>
    set((s) => ({ draft: { ...touch(s.draft), templateAnswers: { ...s.draft.templateAnswers, [fieldId]: value } }, refusal: undefined })),
  setRefusal: (refusal) => set({ refusal }),
  setSaving: (saving) => set({ saving }),
  setSaved: (saved) => set({ saved }),
  newCall: () => set((s) => ({ draft: emptyDraft(), refusal: undefined, saved: undefined, saving: false, callSeq: s.callSeq + 1 })),
}));
