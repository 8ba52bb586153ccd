import { useEffect, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { commandLabels, isCommandType, type CommandType } from '../../../src-shared/ticket';
import { useDesktopQuery } from '../../hooks/use-desktop';
import type { Executed } from '../../hooks/use-execute';
import { useConfigStore } from '../../state/config-store';
import { TicketNumber } from '../../components/TicketNumber';
import { routedText } from '../../lib/ticket-words';
import { RoutingPanel } from '../operator/RoutingPanel';
import { SplitPanel } from '../operator/SplitPanel';
import { PickupForm } from '../operator/PickupForm';
import { FollowUpForm, InquiryNoteForm } from '../operator/InquiryForms';
import { TicketSummary } from './TicketSummary';
import { TicketHistory } from './TicketHistory';
import { TicketProgress } from './TicketProgress';
import { CommandDialog } from './CommandDialog';
import { DeleteDialog } from './DeleteDialog';

/** Commands with a screen of their own here; every other allowed command gets a button and a dialog. */
const OWN_SCREENS: CommandType[] = [
  'pickUpWebForm',
  'forwardToCoordinators',
  'closeOutOfScope',
  'closeHandledOutside',
  'split',
  'recordInquiry',
  'registerFollowUp',
  'registerTicket',
  'receiveFromWebForm',
  'addAttachments',
  'expirePersonalData',
  'delete',
];

interface Props {
  number: string;
  onBack(): void;
  /** `inquiry`: opened during a status call (P§23): the inquiry form comes first. */
  purpose?: 'inquiry' | 'work';
}

/** One ticket: what it is, what can be done now (buttons come from the rules' allowedCommands), its history. */
export function TicketScreen({ number, onBack, purpose = 'work' }: Props) {
  const { data, error, loading } = useDesktopQuery('tickets.get', { number });
  const ws = useConfigStore((s) => s.workstation);
  const [dialog, setDialog] = useState<CommandType>();
  const [splitting, setSplitting] = useState(false);
  const [done, setDone] = useState<{ text: string; numbers: string[] }>();
  /** The inquiry form: open at once during a status call, on demand otherwise; closed once recorded. */
  const [inquiryOpen, setInquiryOpen] = useState(purpose === 'inquiry');
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && !dialog && !deleting && !document.querySelector('[role="dialog"], [role="listbox"]')) onBack();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, deleting, onBack]);

  const back = (
    <Button startIcon={<ArrowBackIcon />} onClick={onBack}>
      Wróć do listy (Esc)
    </Button>
  );
  if (!data || !ws) {
    return (
      <Stack spacing={2}>
        <Box>{back}</Box>
        {loading ? (
          <Typography>Wczytywanie zgłoszenia {number}…</Typography>
        ) : (
          <Alert severity="warning">{error ?? `Nie znaleziono zgłoszenia ${number} na tym stanowisku.`}</Alert>
        )}
      </Stack>
    );
  }
  const { ticket, allowedCommands, pending } = data;
  const allowed = allowedCommands.filter(isCommandType);
  const others = allowed.filter((c) => !OWN_SCREENS.includes(c));
  const finish = (text: string) => (result: Executed) => {
    setDone({
      text: `${text}${result.savedLocally ? ' Zapisano na stanowisku — zostanie wysłane po przywróceniu połączenia.' : ''}`,
      numbers: result.createdNumbers,
    });
    setDialog(undefined);
    setSplitting(false);
    setInquiryOpen(false);
    window.scrollTo({ top: 0 });
  };

  const inquiry = allowed.includes('recordInquiry') || allowed.includes('registerFollowUp');
  const inquiryTitle = allowed.includes('recordInquiry')
    ? 'Notatka z zapytania o stan (P§23.3.1)'
    : 'Zapytanie o zakończone zgłoszenie (P§23.3.2)';
  const inquiryPanel = inquiry && (
    <Paper sx={{ p: 2.5 }} component="section" aria-label="Zapytanie o stan">
      {!inquiryOpen ? (
        <Button onClick={() => setInquiryOpen(true)}>{inquiryTitle.replace(/ \(P.*/, '')} — dzwoniący pyta o zgłoszenie</Button>
      ) : (
        <Typography variant="h6" component="h3" gutterBottom>
          {inquiryTitle}
        </Typography>
      )}
      {inquiryOpen &&
        (allowed.includes('recordInquiry') ? (
          <InquiryNoteForm ticket={ticket} onDone={finish('Odnotowano zapytanie.')} autoFocus />
        ) : (
          <FollowUpForm
            ticket={ticket}
            onDone={finish('Zarejestrowano zapytanie jako nowe zgłoszenie — podaj numer dzwoniącemu.')}
            autoFocus
          />
        ))}
    </Paper>
  );

  return (
    <Stack spacing={2}>
      <Box>{back}</Box>
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(undefined)}>
          {done.text}
          {done.numbers.length > 0 && (
            <Stack direction="row" spacing={3} sx={{ mt: 1 }}>
              {done.numbers.map((n) => (
                <TicketNumber key={n} number={n} size="medium" />
              ))}
            </Stack>
          )}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <TicketSummary ticket={ticket} directory={ws.directory} pending={pending} />
          <TicketProgress data={data} directory={ws.directory} />
          {purpose === 'inquiry' && inquiryPanel}
          {allowed.includes('pickUpWebForm') && (
            <Paper sx={{ p: 2.5 }} component="section" aria-label="Podjęcie formularza WWW">
              <Typography variant="h6" component="h3" gutterBottom>
                Podejmij formularz WWW
              </Typography>
              <PickupForm ticket={ticket} onDone={finish('Podjęto formularz — teraz przekaż zgłoszenie.')} />
            </Paper>
          )}
          {['forwardToCoordinators', 'closeOutOfScope', 'closeHandledOutside'].some((c) => allowed.includes(c as CommandType)) && (
            <Paper sx={{ p: 2.5 }} component="section" aria-label="Przekazanie">
              <Typography variant="h6" component="h3" gutterBottom>
                {ticket.status === 'returnedToOperator' ? 'Przekaż ponownie (P§20.1)' : 'Przekaż zgłoszenie'}
              </Typography>
              <RoutingPanel
                key={ticket.version}
                ticket={ticket}
                allowed={allowed}
                onDone={(result, route) => {
                  setDone({ text: routedText(result.ticket, route, ws.directory, result.savedLocally), numbers: [] });
                  setSplitting(false);
                }}
              />
            </Paper>
          )}
          {allowed.includes('split') && (
            <Paper sx={{ p: 2.5 }} component="section" aria-label="Powielenie">
              {splitting ? (
                <SplitPanel ticket={ticket} onDone={finish('Powielono zgłoszenie — numery części:')} onCancel={() => setSplitting(false)} />
              ) : (
                <Button onClick={() => setSplitting(true)}>{commandLabels.split} (kilka zdarzeń, P§11)</Button>
              )}
            </Paper>
          )}
          {purpose !== 'inquiry' && inquiryPanel}
          {allowed.includes('delete') && (
            <Paper sx={{ p: 2.5 }} component="section" aria-label="Usuwanie">
              <Button color="error" variant="outlined" onClick={() => setDeleting(true)}>
                {commandLabels.delete}
              </Button>
            </Paper>
          )}
          {others.length > 0 && (
            <Paper sx={{ p: 2.5 }} component="section" aria-label="Działania">
              <Typography variant="h6" component="h3" gutterBottom>
                Działania
              </Typography>
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
                {others.map((c) => (
                  <Button key={c} variant={c === 'takeUp' ? 'contained' : 'outlined'} onClick={() => setDialog(c)}>
                    {commandLabels[c]}
                  </Button>
                ))}
              </Stack>
            </Paper>
          )}
        </Stack>
        <TicketHistory number={number} />
      </Box>
      {deleting && (
        <DeleteDialog
          ticket={ticket}
          onClose={() => setDeleting(false)}
          onDone={(result) => {
            setDeleting(false);
            finish(`Usunięto zgłoszenie ${ticket.number}.`)(result);
          }}
        />
      )}
      {dialog && (
        <CommandDialog
          key={dialog}
          type={dialog}
          ticket={ticket}
          open
          onClose={() => setDialog(undefined)}
          onDone={finish(`${commandLabels[dialog]}: zapisano.`)}
        />
      )}
    </Stack>
  );
}
