// A queue of P§24.2 as a workspace: filters with counts, saved views, a virtualised grid worked by
// keyboard, several tickets at once (BulkBar), and one ticket opened in place.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import type { QueueName, QueueQuery, QueueRow } from '../../../src-shared/api/desktop';
import { queueFilter, type QueueSortColumn } from '../../../src-shared/ticket';
import { useDesktopQuery } from '../../hooks/use-desktop';
import { useAppStore } from '../../state/app-store';
import { useConfigStore } from '../../state/config-store';
import { ShortcutHints } from '../../components/ShortcutHints';
import { TicketScreen } from '../ticket/TicketScreen';
import { QueueFilters, clean } from './QueueFilters';
import { QueueGrid } from './QueueGrid';
import { BulkBar, bulkShortcut } from './BulkBar';
import { deleteView, loadViews, saveView } from './saved-views';
import { useQueueRows } from './use-queue-rows';

export interface QueueView {
  queue: QueueName;
  title: string;
  /** What this queue is, one sentence with the procedure's paragraph. */
  about: string;
  dueLabel?: string;
  empty?: string;
}

/** Queues of people who take tickets up themselves, where "taken up by me" means something. */
const WITH_MINE: QueueName[] = [
  'coordinatorTakenUp',
  'coordinatorAssigned',
  'coordinatorReturned',
  'coordinatorSuspended',
  'realizerInProgress',
  'realizerContractor',
];

function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return out;
}

export function QueueScreen({ view }: { view: QueueView }) {
  const [open, setOpen] = useState<string>();
  const ws = useConfigStore((s) => s.workstation);
  const userId = useAppStore((s) => s.user?.id) ?? 'anonymous';
  const [query, setQuery] = useState<QueueQuery>({});
  const effective = useDebounced(query, 150);
  const rows = useQueueRows(view.queue, effective, !open);
  const { data: counts } = useDesktopQuery('tickets.queueCounts', open ? null : { queue: view.queue, query: effective });
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Map<string, QueueRow>>(new Map());
  const [views, setViews] = useState(() => loadViews(userId, view.queue));
  const [bulkOpen, setBulkOpen] = useState<string>();
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => setActive(0), [effective]);
  const changeQuery = useCallback((q: QueueQuery) => setQuery(clean(q)), []);
  const onSaveView = useCallback((name: string) => setViews(saveView(userId, view.queue, { name, query })), [userId, view.queue, query]);
  const onDeleteView = useCallback((name: string) => setViews(deleteView(userId, view.queue, name)), [userId, view.queue]);
  const selectedNumbers = useMemo(() => new Set(selected.keys()), [selected]);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing = (e.target as HTMLElement | null)?.closest('input, textarea, [role="listbox"], [role="dialog"]');
      if (e.key === '/' && !typing && !open) {
        e.preventDefault();
        search.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  // What the core sorts by when the user has not chosen (queries.ts defaultSort): overviews newest first.
  const sort: NonNullable<QueueQuery['sort']> =
    query.sort ??
    (view.queue === 'unit' || view.queue === 'all'
      ? { column: 'received', direction: 'desc' }
      : view.queue === 'retentionDue'
        ? { column: 'received', direction: 'asc' }
        : { column: 'due', direction: 'asc' });
  const onSort = (column: QueueSortColumn) =>
    setQuery((q) => ({ ...q, sort: { column, direction: sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc' } }));
  const toggle = useCallback((row: QueueRow) => {
    if (row.bulk.length === 0) return;
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(row.number)) next.delete(row.number);
      else next.set(row.number, row);
      return next;
    });
  }, []);
  const selectAllLoaded = () => {
    const next = new Map(selected);
    for (let i = 0; i < (rows.total ?? 0); i++) {
      const row = rows.row(i);
      if (row && row.bulk.length > 0) next.set(row.number, row);
    }
    setSelected(next);
  };
  // Someone may act on a row when the shared rules allow a bulk command on it (supervisors: never).
  const offered = useMemo(() => {
    const out = new Set<string>();
    for (let i = 0; i < Math.min(rows.total ?? 0, 100); i++) rows.row(i)?.bulk.forEach((c) => out.add(c));
    return out;
  }, [rows.version, rows.total]);
  const selectable = offered.size > 0 || selected.size > 0;

  if (open)
    return (
      <TicketScreen
        number={open}
        onBack={() => {
          setOpen(undefined);
          setTimeout(() => grid.current?.querySelector<HTMLElement>('[role="grid"]')?.focus(), 50);
        }}
      />
    );
  const total = rows.total;
  // A queue of one state by definition (not by the current filter): the heading already says the state.
  const oneStatus = !!ws && queueFilter(view.queue, ws.actor, ws.directory).statuses?.length === 1;
  const hints: [string, string][] = [
    ['↑ ↓', 'wiersz'],
    ['PgUp PgDn', 'strona'],
    ['Home End', 'początek/koniec'],
    ['Enter', 'otwórz'],
    ...(selectable
      ? ([
          ['Spacja', 'zaznacz'],
          ['Ctrl+A', 'zaznacz wczytane'],
          ['Esc', 'odznacz'],
          ...(
            [
              ['takeUp', 'P', 'podejmij zaznaczone'],
              ['assignRealizerGroup', 'R', 'przekaż realizatorom'],
              ['passToCoordinatorGroup', 'K', 'przekaż innej grupie'],
              ['returnToOperator', 'Z', 'zwróć do operatora'],
            ] as const
          )
            .filter(([command]) => offered.has(command))
            .map(([, key, what]) => [key, what]),
        ] as [string, string][])
      : []),
    ['/', 'szukaj'],
  ];
  return (
    <Stack spacing={1.5} ref={grid}>
      <div>
        <Typography variant="h5" component="h2">
          {view.title}
          {total !== undefined ? ` (${total.toLocaleString('pl-PL')}${rows.more ? '+' : ''})` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {view.about}
        </Typography>
      </div>
      <QueueFilters
        query={query}
        onChange={changeQuery}
        counts={counts}
        directory={ws?.directory}
        withMine={WITH_MINE.includes(view.queue)}
        views={views}
        onSaveView={onSaveView}
        onDeleteView={onDeleteView}
        searchRef={search}
      />
      {rows.error && <Alert severity="warning">Nie udało się wczytać listy: {rows.error}</Alert>}
      {
        <BulkBar
          selected={[...selected.values()]}
          open={bulkOpen}
          onOpen={setBulkOpen}
          onDone={(done) => setSelected((s) => new Map([...s].filter(([n]) => !done.includes(n))))}
          onClear={() => setSelected(new Map())}
        />
      }
      {total === 0 ? (
        <Typography color="text.secondary" sx={{ p: 2, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
          {Object.keys(clean({ ...query, sort: undefined })).length
            ? 'Żadne zgłoszenie tej kolejki nie spełnia filtrów.'
            : (view.empty ?? 'Brak zgłoszeń.')}
        </Typography>
      ) : (
        <QueueGrid
          caption={view.title}
          rows={rows}
          directory={ws?.directory}
          dueLabel={view.dueLabel ?? 'Termin'}
          selectable={selectable}
          selected={selectedNumbers}
          onToggle={toggle}
          onSelectAll={selectAllLoaded}
          onClearSelection={() => setSelected(new Map())}
          onOpen={setOpen}
          active={Math.min(active, Math.max(0, (total ?? 1) - 1))}
          onActive={setActive}
          sort={sort}
          onSort={onSort}
          onShortcut={(key) => {
            const command = bulkShortcut(key, [...selected.values()]);
            if (command) setBulkOpen(command);
            return !!command;
          }}
          height="max(280px, calc(100vh - 320px))"
          oneStatus={oneStatus}
        />
      )}
      <ShortcutHints items={hints} />
    </Stack>
  );
}
