import { useState } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import type { QueueName } from '../../../src-shared/api/desktop';
import { useDesktopQuery } from '../../hooks/use-desktop';
import { useConfigStore } from '../../state/config-store';
import { QueueTable } from '../../components/QueueTable';
import { TicketScreen } from '../ticket/TicketScreen';

export interface QueueView {
  queue: QueueName;
  title: string;
  /** What this queue is, one sentence with the procedure's paragraph. */
  about: string;
  dueLabel?: string;
  empty?: string;
}

/** A queue of P§24.2 (the core says which tickets and which clock), then one ticket. */
export function QueueScreen({ view }: { view: QueueView }) {
  const [open, setOpen] = useState<string>();
  const ws = useConfigStore((s) => s.workstation);
  const { data, error } = useDesktopQuery('tickets.queue', open ? null : { queue: view.queue, limit: 200 });
  if (open) return <TicketScreen number={open} onBack={() => setOpen(undefined)} />;
  return (
    <Stack spacing={2}>
      <div>
        <Typography variant="h5" component="h2">
          {view.title}
          {data ? ` (${data.total})` : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {view.about}
        </Typography>
      </div>
      {error && <Alert severity="warning">Nie udało się wczytać listy: {error}</Alert>}
      {data && (
        <QueueTable
          rows={data.rows}
          directory={ws?.directory}
          onOpen={setOpen}
          caption={view.title}
          dueLabel={view.dueLabel}
          empty={view.empty}
        />
      )}
      {data && data.total > data.rows.length && (
        <Typography variant="body2" color="text.secondary">
          Pokazano {data.rows.length} z {data.total}.
        </Typography>
      )}
    </Stack>
  );
}
