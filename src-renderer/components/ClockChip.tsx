import { Chip } from '@mui/material';
import type { QueueRow } from '../../src-shared/api/desktop';
import { formatWarsawDateTime } from '../../src-shared/format';

/** The running SLA clock of a queue row (calendar clocks: P§4.3, P§16.2, P§18.1, P§19.4.1). */
export function ClockChip({ row }: { row: Pick<QueueRow, 'due' | 'clock'> }) {
  if (!row.due) return <span aria-label="bez terminu">—</span>;
  const due = formatWarsawDateTime(row.due);
  if (row.clock === 'late') return <Chip size="small" color="error" label={`po terminie (${due})`} />;
  if (row.clock === 'dueToday')
    return <Chip size="small" label={`dziś, do ${due.slice(-5)}`} sx={{ bgcolor: '#fff3e0', color: '#7a3e00', fontWeight: 700 }} />;
  return <Chip size="small" variant="outlined" color="success" label={`do ${due}`} />;
}
