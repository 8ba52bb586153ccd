// The queue as a WAI-ARIA grid: one dense line per ticket, only the visible rows in the page
// (virtualised), the active cell followed by aria-activedescendant so the keyboard never loses it.
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { Box, GlobalStyles } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QueueQuery, QueueRow } from '../../../src-shared/api/desktop';
import { formatWarsawDateTime } from '../../../src-shared/format';
import { lookup, statusLabels, type Directory, type QueueSortColumn } from '../../../src-shared/ticket';
import { categoryLabel } from '../../lib/directory';
import { deadlineText, polishDay } from './deadline-text';
import type { QueueRows } from './use-queue-rows';

export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 36;

interface Column {
  id: QueueSortColumn | 'select';
  label: string;
  width: string;
}

interface Props {
  caption: string;
  rows: QueueRows;
  directory?: Directory;
  dueLabel: string;
  /** Several tickets can be selected (someone may act on them together). */
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle(row: QueueRow): void;
  onSelectAll(): void;
  onClearSelection(): void;
  onOpen(number: string): void;
  active: number;
  onActive(index: number): void;
  sort: NonNullable<QueueQuery['sort']>;
  onSort(column: QueueSortColumn): void;
  /** Letter shortcuts of the screen (bulk actions), handled while the grid has the focus. */
  onShortcut?(key: string): boolean;
  height: number | string;
  /** Every ticket of the queue is in the same state (the heading says it). */
  oneStatus: boolean;
}

function notes(row: QueueRow, withStatus: boolean): string {
  const parts: string[] = withStatus ? [statusLabels[row.status]] : [];
  if (row.suspendedUntil) parts.push(`do ${polishDay(row.suspendedUntil)}`);
  if (row.contractorDueOn) parts.push(`wykonawca do ${polishDay(row.contractorDueOn)}`);
  if (row.pending) parts.push('czeka na wysłanie');
  if (row.capturedDuringOutage) parts.push('z czasu awarii');
  return parts.join(' · ');
}

/** "02.12 07:29" this year, "02.12.2025" before: one short line; the full moment is in the title. */
function shortMoment(iso: string): string {
  const full = formatWarsawDateTime(iso);
  return full.slice(6, 10) === String(new Date().getFullYear()) ? `${full.slice(0, 5)} ${full.slice(12)}` : full.slice(0, 10);
}

/** What a row shows, formatted once per row object (date formatting in the Warsaw zone is not free). */
interface Shown {
  category: string;
  group: string;
  received: string;
  receivedFull: string;
  deadline: ReturnType<typeof deadlineText>;
  notes: string;
  notesFull: string;
}
const shownCache = new WeakMap<QueueRow, Shown>();
function shown(row: QueueRow, directory: Directory | undefined, oneStatus: boolean): Shown {
  let out = shownCache.get(row);
  if (!out) {
    out = {
      category: directory ? categoryLabel(directory, row.categoryId) : (row.categoryId ?? '—'),
      group: row.groupId ? (lookup(directory?.groups ?? {}, row.groupId)?.symbol ?? row.groupId) : '—',
      received: shortMoment(row.receivedAt),
      receivedFull: formatWarsawDateTime(row.receivedAt),
      deadline: deadlineText(row),
      notes: notes(row, !oneStatus) || '—',
      notesFull: notes(row, true),
    };
    shownCache.set(row, out);
  }
  return out;
}

// Rows are plain elements styled by these classes: a scrolled list mounts dozens of rows a frame.
const ROW_CSS = `
.qg-row { position: absolute; top: 0; left: 0; right: 0; height: ${ROW_HEIGHT}px; display: grid; align-items: center;
  border-bottom: 1px solid #eeeeee; box-sizing: border-box; }
.qg-row:hover { background: #fafafa; }
.qg-row[data-selected="true"] { background: rgba(25, 118, 210, 0.06); }
.qg-row[data-active="true"] { background: rgba(25, 118, 210, 0.14); box-shadow: inset 4px 0 0 #1565c0; }
.qg-cell { padding: 0 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.qg-number { all: unset; cursor: pointer; font-family: monospace; font-size: 0.9rem; font-weight: 700; color: #1a4b8c;
  text-decoration: underline; }
.qg-check { width: 16px; height: 16px; margin: 0 0 0 8px; accent-color: #1a4b8c; }
`;

interface RowProps {
  index: number;
  start: number;
  row: QueueRow | undefined;
  template: string;
  active: boolean;
  selected: boolean;
  selectable: boolean;
  oneStatus: boolean;
  directory?: Directory;
  onActive(index: number): void;
  onOpen(number: string): void;
  onToggle(row: QueueRow): void;
}

const GridRow = memo(function GridRow({
  index,
  start,
  row,
  template,
  active,
  selected,
  selectable,
  oneStatus,
  directory,
  ...on
}: RowProps) {
  const id = `queue-row-${index}`;
  const style = { transform: `translateY(${start}px)`, gridTemplateColumns: template };
  if (!row) {
    return (
      <div id={id} role="row" aria-rowindex={index + 2} className="qg-row" style={style}>
        <div role="gridcell" id={`${id}-number`} className="qg-cell" style={{ gridColumn: '1 / -1', color: '#616161' }}>
          Wczytywanie…
        </div>
      </div>
    );
  }
  const s = shown(row, directory, oneStatus);
  const strong = s.deadline.tone === 'late' || s.deadline.tone === 'today';
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      data-active={active}
      data-selected={selected}
      className="qg-row"
      style={style}
      onClick={() => on.onActive(index)}
      onDoubleClick={() => on.onOpen(row.number)}
    >
      {selectable && (
        <div role="gridcell">
          <input
            type="checkbox"
            className="qg-check"
            tabIndex={-1}
            checked={selected}
            disabled={row.bulk.length === 0}
            onChange={() => on.onToggle(row)}
            aria-label={`Zaznacz ${row.number}`}
          />
        </div>
      )}
      <div role="gridcell" id={`${id}-number`} className="qg-cell">
        <button type="button" className="qg-number" tabIndex={-1} onClick={() => on.onOpen(row.number)}>
          {row.number}
        </button>
      </div>
      <div role="gridcell" className="qg-cell" title={row.subject}>
        {row.subject}
      </div>
      <div role="gridcell" className="qg-cell" title={s.category}>
        {s.category}
      </div>
      <div role="gridcell" className="qg-cell">
        {s.group}
      </div>
      <div role="gridcell" className="qg-cell" title={row.address ?? undefined}>
        {row.address ?? '—'}
      </div>
      <div role="gridcell" className="qg-cell" title={s.receivedFull}>
        {s.received}
      </div>
      <div
        role="gridcell"
        className="qg-cell"
        title={s.deadline.title}
        style={{ color: TONE_HEX[s.deadline.tone], fontWeight: strong ? 700 : 400 }}
      >
        {s.deadline.tone === 'late' ? '⚠ ' : ''}
        {s.deadline.text}
      </div>
      <div role="gridcell" className="qg-cell" title={s.notesFull}>
        {s.notes}
      </div>
    </div>
  );
});

const TONE_HEX = { late: '#b71c1c', today: '#7a3e00', ok: '#1b5e20', none: '#616161' } as const;

export function QueueGrid(props: Props) {
  const { rows, directory, selectable, selected, active, sort } = props;
  // The grid scrolls itself (it has the focus, so the scrolling region is keyboard-reachable); the header sticks.
  const gridRef = useRef<HTMLDivElement>(null);
  const scroller = gridRef;
  const total = rows.total ?? 0;
  const hasRows = total > 0;
  // The keyboard goes straight into the list when the queue opens (from the views or back from a ticket).
  useEffect(() => {
    const at = document.activeElement;
    if (hasRows && (!at || at === document.body || at.getAttribute('role') === 'tab')) gridRef.current?.focus();
  }, [hasRows]);
  const columns: Column[] = [
    ...(selectable ? [{ id: 'select' as const, label: 'Zaznacz', width: '40px' }] : []),
    { id: 'number', label: 'Numer', width: '112px' },
    { id: 'subject', label: 'Temat', width: 'minmax(150px, 2.3fr)' },
    { id: 'category', label: 'Kategoria', width: 'minmax(90px, 1fr)' },
    { id: 'group', label: 'Grupa', width: '112px' },
    { id: 'address', label: 'Adres', width: 'minmax(110px, 1.3fr)' },
    { id: 'received', label: 'Wpływ', width: '92px' },
    { id: 'due', label: props.dueLabel, width: '244px' },
    // One status in the whole queue: the column says only what differs (marks, until-dates).
    {
      id: 'status',
      label: props.oneStatus ? 'Uwagi' : 'Stan i uwagi',
      width: props.oneStatus ? 'minmax(70px, 0.7fr)' : 'minmax(150px, 1.5fr)',
    },
  ];
  const template = columns.map((c) => c.width).join(' ');
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows scrolled to stay clear of the sticky header.
    scrollPaddingStart: HEADER_HEIGHT,
    // Rendering with the next frame rather than inside each scroll event keeps fast scrolling smooth.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) rows.want(first, last);
  }, [first, last, total, rows]);
  useEffect(() => {
    if (total > 0 && active >= 0) virtualizer.scrollToIndex(Math.min(active, total - 1), { align: 'auto' });
  }, [active, total, virtualizer]);

  const activeRow = rows.row(active);
  const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const move = (to: number) => {
      e.preventDefault();
      props.onActive(Math.max(0, Math.min(total - 1, to)));
    };
    if (e.key === 'ArrowDown') return move(active + 1);
    if (e.key === 'ArrowUp') return move(active - 1);
    if (e.key === 'PageDown') return move(active + pageRows);
    if (e.key === 'PageUp') return move(active - pageRows);
    if (e.key === 'Home') return move(0);
    if (e.key === 'End') return move(total - 1);
    if (e.key === 'Enter' && activeRow) {
      e.preventDefault();
      return props.onOpen(activeRow.number);
    }
    if (e.key === ' ' && activeRow && selectable) {
      e.preventDefault();
      return props.onToggle(activeRow);
    }
    if (e.key === 'a' && (e.ctrlKey || e.metaKey) && selectable) {
      e.preventDefault();
      return props.onSelectAll();
    }
    if (e.key === 'Escape' && selected.size > 0) {
      e.preventDefault();
      e.stopPropagation();
      return props.onClearSelection();
    }
    if (!e.ctrlKey && !e.altKey && !e.metaKey && e.key.length === 1 && props.onShortcut?.(e.key.toLowerCase())) e.preventDefault();
  }

  const rowId = (i: number) => `queue-row-${i}`;
  return (
    <Box
      role="grid"
      aria-label={props.caption}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-multiselectable={selectable || undefined}
      aria-activedescendant={total > 0 ? `${rowId(active)}-number` : undefined}
      tabIndex={0}
      ref={gridRef}
      onKeyDown={onKeyDown}
      data-testid="queue-grid"
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        fontSize: '0.875rem',
        height: props.height,
        overflowY: 'auto',
        scrollbarGutter: 'stable',
        '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <GlobalStyles styles={ROW_CSS} />
      <Box
        role="row"
        aria-rowindex={1}
        sx={{
          display: 'grid',
          gridTemplateColumns: template,
          alignItems: 'center',
          height: HEADER_HEIGHT,
          boxSizing: 'border-box',
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'grey.100',
          position: 'sticky',
          top: 0,
          zIndex: 1,
        }}
      >
        {columns.map((c) =>
          c.id === 'select' ? (
            <Box role="columnheader" key={c.id} sx={{ px: 1, py: 0.75, fontWeight: 700 }}>
              <span
                className="visually-hidden"
                style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
              >
                {c.label}
              </span>
            </Box>
          ) : (
            <Box
              role="columnheader"
              key={c.id}
              aria-sort={sort.column === c.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              sx={{ px: 1, py: 0.5, whiteSpace: 'nowrap', overflow: 'hidden' }}
            >
              <Box
                component="button"
                type="button"
                tabIndex={-1}
                onClick={() => props.onSort(c.id as QueueSortColumn)}
                sx={{ all: 'unset', cursor: 'pointer', fontWeight: 700, '&:hover': { textDecoration: 'underline' } }}
              >
                {c.label}
                {sort.column === c.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
              </Box>
            </Box>
          ),
        )}
      </Box>
      <Box role="rowgroup" sx={{ position: 'relative' }}>
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows.row(item.index);
            return (
              <GridRow
                key={item.key}
                index={item.index}
                start={item.start}
                row={row}
                template={template}
                active={item.index === active}
                selected={!!row && selected.has(row.number)}
                selectable={selectable}
                oneStatus={props.oneStatus}
                directory={directory}
                onActive={props.onActive}
                onOpen={props.onOpen}
                onToggle={props.onToggle}
              />
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
