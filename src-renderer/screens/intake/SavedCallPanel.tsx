import { useEffect, useState } from 'react';
import { Alert, Box, Button, Divider, Paper, Stack, Typography } from '@mui/material';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import AddIcCallIcon from '@mui/icons-material/AddIcCall';
import { statusLabels } from '../../../src-shared/ticket';
import { TicketNumber } from '../../components/TicketNumber';
import { useDesktopQuery } from '../../hooks/use-desktop';
import { SAVED_LOCALLY } from '../../lib/phrases';
import { groupLabel } from '../../lib/directory';
import { routedText } from '../../lib/ticket-words';
import { useConfigStore } from '../../state/config-store';
import { useIntakeStore, type SavedCall } from '../../state/intake-store';
import { RoutingPanel } from '../operator/RoutingPanel';
import { SplitPanel } from '../operator/SplitPanel';

/** After saving (P§8.2): the number to read back, then routing (P§12–P§15) and, for several events, the split (P§11). */
export function SavedCallPanel({ saved, onNewCall }: { saved: SavedCall; onNewCall(): void }) {
  const setSaved = useIntakeStore((s) => s.setSaved);
  const [splitting, setSplitting] = useState(false);
  const all = [saved.number, ...saved.partNumbers];
  // Saved offline: the warning stays until the hub has it (the ticket's pending flag), then says so.
  const { data: live } = useDesktopQuery('tickets.get', { number: saved.number });
  const waiting = saved.savedLocally && (live ? live.pending : true);
  const canSplit = saved.kind === 'registered' && saved.partNumbers.length === 0 && !!live?.allowedCommands.includes('split');

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && !e.ctrlKey && e.key.toLowerCase() === 'p' && canSplit) {
        e.preventDefault();
        setSplitting(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canSplit]);
  return (
    <Stack spacing={2}>
      <Paper sx={{ p: 3, borderLeft: 8, borderColor: waiting ? 'warning.main' : 'success.main' }} role="status" aria-live="polite">
        <Typography variant="h6" component="h3">
          {saved.kind === 'inquiry'
            ? 'Rozmowa dopisana do zgłoszenia — podaj numer zgłaszającemu'
            : saved.partNumbers.length
              ? 'Numery zgłoszeń — podaj je zgłaszającemu'
              : 'Zgłoszenie zapisane — podaj numer zgłaszającemu'}
        </Typography>
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          {all.map((number) => (
            <TicketNumber key={number} number={number} size={all.length > 1 ? 'medium' : 'large'} />
          ))}
        </Stack>
        {waiting && (
          <Alert severity="warning" sx={{ mt: 2, fontSize: '1rem' }}>
            {SAVED_LOCALLY}
          </Alert>
        )}
        {saved.savedLocally && !waiting && (
          <Alert severity="success" sx={{ mt: 2 }}>
            Zapisane podczas awarii i już przesłane do centrali.
          </Alert>
        )}
      </Paper>
      {!splitting &&
        all.map((number, index) => (
          <TicketRouting
            key={number}
            number={number}
            title={all.length > 1 ? `Część ${index + 1}: ${number}` : 'Co dalej ze zgłoszeniem'}
            autoFocus={index === 0}
            onSplit={index === 0 && canSplit ? () => setSplitting(true) : undefined}
          />
        ))}
      {splitting && (
        <SplitCard
          number={saved.number}
          onDone={(numbers) => {
            setSplitting(false);
            setSaved({ ...saved, partNumbers: numbers });
          }}
          onCancel={() => setSplitting(false)}
        />
      )}
      <Box>
        <Button variant="outlined" size="large" startIcon={<AddIcCallIcon />} onClick={onNewCall} id="intake-new-call">
          Nowe zgłoszenie (Alt+N)
        </Button>
      </Box>
    </Stack>
  );
}

/** After one part is routed, the keyboard goes to the next part still to route, else to "new call". */
function focusNextRouting(routed: string) {
  const next = [...document.querySelectorAll<HTMLFormElement>('form[id^="route-"]')].find(
    (f) => f.id !== `route-${routed.replace('/', '-')}`,
  );
  const empty = next && [...next.querySelectorAll<HTMLInputElement>('input[data-step]')].find((i) => i.type === 'text' && !i.value);
  const target = empty ?? (next && document.getElementById(`${next.id}-submit`)) ?? document.getElementById('intake-new-call');
  target?.focus();
}

function TicketRouting({ number, title, autoFocus, onSplit }: { number: string; title: string; autoFocus: boolean; onSplit?: () => void }) {
  const { data } = useDesktopQuery('tickets.get', { number });
  const workstation = useConfigStore((s) => s.workstation);
  const [done, setDone] = useState<string>();
  if (!data) return null;
  const { ticket, allowedCommands } = data;
  const ownPart = ticket.links.splitParts.find((p) => p.number === ticket.number);
  const others = ticket.links.splitParts.filter((p) => p.number !== ticket.number);
  const routable = ['forwardToCoordinators', 'closeOutOfScope', 'closeHandledOutside'].some((c) => allowedCommands.includes(c));
  const heading = routable || done ? title : title.replace('Co dalej ze zgłoszeniem', 'Stan zgłoszenia');
  return (
    <Paper sx={{ p: 2.5 }} component="section" aria-label={heading}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h3">
          {heading}
        </Typography>
        <Typography variant="body2">
          Stan: <strong>{statusLabels[ticket.status]}</strong>
          {ticket.coordinatorGroupId && workstation && ` · ${groupLabel(workstation.directory, ticket.coordinatorGroupId)}`}
        </Typography>
      </Stack>
      {!ticket.links.scope && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {ticket.subject}
          {ticket.reporter.wantsAnswer && ' · zgłaszający chce odpowiedzi'}
        </Typography>
      )}
      {ticket.links.scope && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          Zakres: <strong>{ticket.links.scope}</strong>
          {ownPart?.addressee && (
            <>
              {' '}
              · adresat: <strong>{ownPart.addressee}</strong>
            </>
          )}
          {others.length > 0 && <> · pozostali adresaci: {others.map((p) => `${p.number} (${p.addressee ?? p.scope})`).join(', ')}</>}
        </Typography>
      )}
      {done && (
        <Alert severity="success" sx={{ mb: 1 }}>
          {done}
        </Alert>
      )}
      {routable && (
        <RoutingPanel
          ticket={ticket}
          allowed={allowedCommands}
          autoFocus={autoFocus}
          onDone={(result, route) => {
            if (workstation) setDone(routedText(result.ticket, route, workstation.directory, result.savedLocally));
            setTimeout(() => focusNextRouting(number), 50);
          }}
        />
      )}
      {onSplit && allowedCommands.includes('split') && (
        <>
          <Divider sx={{ my: 2 }} />
          <Button startIcon={<CallSplitIcon />} onClick={onSplit} id="intake-split">
            Powiel zgłoszenie — kilka zdarzeń w jednej rozmowie (Alt+P)
          </Button>
        </>
      )}
    </Paper>
  );
}

function SplitCard({ number, onDone, onCancel }: { number: string; onDone(numbers: string[]): void; onCancel(): void }) {
  const { data } = useDesktopQuery('tickets.get', { number }, { refreshOnChange: false });
  if (!data) return null;
  return (
    <Paper sx={{ p: 2.5 }} component="section" aria-label="Powielenie zgłoszenia">
      <Typography variant="h6" component="h3" gutterBottom>
        Powiel zgłoszenie {number}
      </Typography>
      <SplitPanel ticket={data.ticket} onDone={(result) => onDone(result.createdNumbers)} onCancel={onCancel} />
    </Paper>
  );
}
