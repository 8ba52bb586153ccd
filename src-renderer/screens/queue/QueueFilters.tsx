// What narrows a queue: search, street, deadline state, "mine", outage, status, category, group and
// channel — each choice with how many tickets it holds (counts from the core), and saved views.
import { memo, useState } from 'react';
import { Box, Button, Chip, MenuItem, Stack, TextField } from '@mui/material';
import type { QueueCounts, QueueQuery } from '../../../src-shared/api/desktop';
import { channelLabels, lookup, statusLabels, type DeadlineState, type Directory } from '../../../src-shared/ticket';
import { categoryLabel } from '../../lib/directory';
import type { SavedView } from './saved-views';

const DEADLINE_LABELS: Record<DeadlineState, string> = {
  late: 'Po terminie',
  dueToday: 'Termin dziś',
  onTime: 'W terminie',
  none: 'Bez terminu',
};

interface Props {
  query: QueueQuery;
  onChange(query: QueueQuery): void;
  counts?: QueueCounts;
  directory?: Directory;
  /** Show "mine" (queues of people who take tickets up). */
  withMine: boolean;
  views: SavedView[];
  onSaveView(name: string): void;
  onDeleteView(name: string): void;
  searchRef?: React.Ref<HTMLInputElement>;
}

const figure = (counts: QueueCounts | undefined, n: number | undefined) =>
  counts ? ` (${(n ?? 0).toLocaleString('pl-PL')}${counts.capped ? '+' : ''})` : '';

function toggle<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
}

/** A multiple choice with counts; hidden when the queue holds one value only. */
function MultiSelect(props: {
  label: string;
  values: string[] | undefined;
  counts: Record<string, number> | undefined;
  name(id: string): string;
  onChange(values: string[] | undefined): void;
  capped?: boolean;
}) {
  const options = Object.entries(props.counts ?? {}).sort((a, b) => props.name(a[0]).localeCompare(props.name(b[0]), 'pl'));
  const chosen = props.values ?? [];
  if (options.length <= 1 && chosen.length === 0) return null;
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={chosen}
      sx={{ minWidth: 150, maxWidth: 260 }}
      onChange={(e) => {
        const v = e.target.value as unknown as string[] | string;
        const list = typeof v === 'string' ? v.split(',') : v;
        props.onChange(list.length ? list : undefined);
      }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (v) => ((v as string[]).length ? (v as string[]).map(props.name).join(', ') : 'wszystkie'),
          displayEmpty: true,
        },
        inputLabel: { shrink: true },
      }}
    >
      {options.map(([id, n]) => (
        <MenuItem key={id} value={id} selected={chosen.includes(id)}>
          {props.name(id)} ({n.toLocaleString('pl-PL')}
          {props.capped ? '+' : ''})
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Memoised: the list below re-renders as its rows arrive, the filters only when theirs change. */
export const QueueFilters = memo(function QueueFilters({
  query,
  onChange,
  counts,
  directory,
  withMine,
  views,
  onSaveView,
  onDeleteView,
  searchRef,
}: Props) {
  const [viewName, setViewName] = useState('');
  const [naming, setNaming] = useState(false);
  const set = (patch: Partial<QueueQuery>) => onChange(clean({ ...query, ...patch }));
  const active = Object.keys(clean({ ...query, sort: undefined })).length > 0;
  return (
    <Stack spacing={1} component="section" aria-label="Filtry kolejki">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <TextField
          size="small"
          label="Szukaj w kolejce (/)"
          placeholder="numer, temat, adres"
          value={query.search ?? ''}
          onChange={(e) => set({ search: e.target.value || undefined })}
          inputRef={searchRef}
          sx={{ width: 250 }}
        />
        <TextField
          size="small"
          label="Ulica lub osiedle"
          value={query.street ?? ''}
          onChange={(e) => set({ street: e.target.value || undefined })}
          sx={{ width: 180 }}
        />
        <MultiSelect
          label="Stan"
          values={query.statuses}
          counts={counts?.statuses}
          capped={counts?.capped}
          name={(s) => statusLabels[s as keyof typeof statusLabels] ?? s}
          onChange={(v) => set({ statuses: v as QueueQuery['statuses'] })}
        />
        <MultiSelect
          label="Kategoria"
          values={query.categoryIds}
          counts={counts?.categories}
          capped={counts?.capped}
          name={(id) => (directory ? categoryLabel(directory, id) : id)}
          onChange={(v) => set({ categoryIds: v })}
        />
        <MultiSelect
          label="Grupa"
          values={query.groupIds}
          counts={counts?.groups}
          capped={counts?.capped}
          name={(id) => lookup(directory?.groups ?? {}, id)?.symbol ?? id}
          onChange={(v) => set({ groupIds: v })}
        />
        <MultiSelect
          label="Kanał"
          values={query.channels}
          counts={counts?.channels}
          capped={counts?.capped}
          name={(c) => channelLabels[c as keyof typeof channelLabels] ?? c}
          onChange={(v) => set({ channels: v as QueueQuery['channels'] })}
        />
      </Stack>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        {(Object.keys(DEADLINE_LABELS) as DeadlineState[]).map((state) => {
          const on = !!query.deadline?.includes(state);
          const n = counts?.deadline[state];
          if (!on && counts && !n) return null;
          return (
            <Chip
              key={state}
              label={`${DEADLINE_LABELS[state]}${figure(counts, n)}`}
              color={state === 'late' ? 'error' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              // Orange text on white is too faint to read: due today gets dark amber (WCAG AA), filled when chosen.
              sx={
                state === 'dueToday'
                  ? on
                    ? { bgcolor: '#7a3e00', color: '#fff' }
                    : { color: '#7a3e00', borderColor: '#7a3e00' }
                  : undefined
              }
              aria-pressed={on}
              onClick={() => set({ deadline: toggle(query.deadline, state) })}
            />
          );
        })}
        {withMine && (
          <Chip
            label={`Podjęte przeze mnie${figure(counts, counts?.mine)}`}
            variant={query.mine ? 'filled' : 'outlined'}
            color={query.mine ? 'primary' : 'default'}
            aria-pressed={!!query.mine}
            onClick={() => set({ mine: query.mine ? undefined : true })}
          />
        )}
        {(query.outage || !!counts?.outage) && (
          <Chip
            label={`Z czasu awarii${figure(counts, counts?.outage)}`}
            variant={query.outage ? 'filled' : 'outlined'}
            color={query.outage ? 'primary' : 'default'}
            aria-pressed={!!query.outage}
            onClick={() => set({ outage: query.outage ? undefined : true })}
          />
        )}
        <Box sx={{ flex: 1 }} />
        {views.length > 0 && (
          <TextField
            select
            size="small"
            label="Zapisane widoki"
            value=""
            sx={{ minWidth: 170 }}
            onChange={(e) => {
              const view = views.find((v) => v.name === e.target.value);
              if (view) onChange(view.query);
            }}
            slotProps={{ select: { displayEmpty: true, renderValue: () => 'wybierz…' }, inputLabel: { shrink: true } }}
          >
            {views.map((v) => (
              <MenuItem key={v.name} value={v.name}>
                {v.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        {naming ? (
          <Stack
            direction="row"
            component="form"
            sx={{ gap: 1 }}
            onSubmit={(e) => {
              e.preventDefault();
              if (viewName.trim()) onSaveView(viewName.trim());
              setNaming(false);
              setViewName('');
            }}
          >
            <TextField size="small" label="Nazwa widoku" autoFocus value={viewName} onChange={(e) => setViewName(e.target.value)} />
            <Button type="submit" size="small" variant="outlined">
              Zapisz
            </Button>
          </Stack>
        ) : (
          <Button size="small" onClick={() => setNaming(true)} disabled={!active}>
            Zapisz widok
          </Button>
        )}
        {views.some((v) => JSON.stringify(v.query) === JSON.stringify(query)) && (
          <Button
            size="small"
            color="inherit"
            onClick={() => onDeleteView(views.find((v) => JSON.stringify(v.query) === JSON.stringify(query))!.name)}
          >
            Usuń widok
          </Button>
        )}
        <Button size="small" onClick={() => onChange(query.sort ? { sort: query.sort } : {})} disabled={!active}>
          Wyczyść filtry
        </Button>
      </Stack>
    </Stack>
  );
});

/** The query without empty parts (so equal filters compare equal and saved views stay small). */
export function clean(query: QueueQuery): QueueQuery {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as QueueQuery;
}
