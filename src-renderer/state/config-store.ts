// The workstation's configuration from the core (config.get): the city's directory as the shared
// rules see it, who the signed-in user is to them, and the snow-and-ice referral.
import { create } from 'zustand';
import type { WorkstationConfig } from '../../src-shared/api/desktop';
import { makeDirectory, type Actor, type Category, type Directory, type Group, type Unit } from '../../src-shared/ticket';
import { createWorkingCalendar, type ExtraDay, type WorkingCalendar } from '../../src-shared/calendar';
import { desktop } from '../api/desktop-client';
import { byPolish } from '../lib/text';

/** A category as configured (with its template, keywords, snow-and-ice flag). */
export type CategoryEntry = Category;

export interface Workstation {
  directory: Directory;
  actor: Actor;
  snowIceReferral?: string;
  /** The year's ticket-number pool (super-supervisors only). */
  numberPool?: WorkstationConfig['numberPool'];
  categories: CategoryEntry[];
  /** Coordinator groups of units working in the app (P§13.1), in Polish order. */
  coordinatorGroups: Group[];
  /** Units that do not work in the app (P§15). */
  unitsOutsideApp: Unit[];
  units: Unit[];
  /** The working calendar with the city's extra days (P§2.2): deadlines and office hours as the rules count them. */
  calendar: WorkingCalendar;
}

interface ConfigState {
  workstation?: Workstation;
  /** Why the configuration is not there (the core cannot give it yet). */
  problem?: string;
  loading: boolean;
  load(): Promise<void>;
  clear(): void;
}

export function toWorkstation(config: WorkstationConfig): Workstation {
  const categories: CategoryEntry[] = config.directory.categories;
  const directory = makeDirectory({
    units: config.directory.units,
    groups: config.directory.groups,
    categories,
    users: config.directory.users,
  });
  const units = [...config.directory.units].sort(byPolish((u) => u.name));
  const worksInApp = new Set(units.filter((u) => u.worksInApp).map((u) => u.id));
  return {
    directory,
    actor: config.actor,
    snowIceReferral: config.snowIceReferral,
    numberPool: config.numberPool,
    categories,
    coordinatorGroups: config.directory.groups
      .filter((g) => g.kind === 'coordinator' && worksInApp.has(g.unitId))
      .sort(byPolish((g) => `${directory.units[g.unitId]?.name ?? ''} ${g.symbol}`)),
    unitsOutsideApp: units.filter((u) => !u.worksInApp),
    units,
    calendar: createWorkingCalendar({ extraDays: config.extraDays as ExtraDay[] }),
  };
}

export const useConfigStore = create<ConfigState>((set) => ({
  loading: false,
  async load() {
    // A reload after a configuration change keeps the screens as they are until the new one is there.
    set((s) => ({ loading: !s.workstation, problem: undefined }));
    try {
      const config = await desktop.call('config.get', {});
      set(
        config
          ? { workstation: toWorkstation(config), loading: false }
          : {
              workstation: undefined,
              problem: 'Stanowisko nie ma jeszcze konfiguracji z centrali (kategorii, jednostek, grup). Połącz się z centralą.',
              loading: false,
            },
      );
    } catch (err) {
      set({
        workstation: undefined,
        loading: false,
        problem: `Nie udało się odczytać konfiguracji stanowiska: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  },
  clear: () => set({ workstation: undefined, problem: undefined }),
}));
