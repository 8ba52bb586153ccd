// P§17.2 at a glance: who handles the ticket and who did, each action, the stage, each clock with its
// deadline and whether it was met, the contractor, the delay, why it was not done, whether and when
// the reporter was told; for a suspended or returned ticket the reason and date the next person needs.
import { Alert, Box, Paper, Typography } from '@mui/material';
import type { RequestResult } from '../../../src-shared/api/desktop';
import { formatWarsawDateTime } from '../../../src-shared/format';
import {
  actionKindLabels,
  answerMethodLabels,
  lookup,
  outcomeLabels,
  statusLabels,
  type Directory,
  type TicketDeadline,
} from '../../../src-shared/ticket';
import { groupLabel } from '../../lib/directory';
import { polishDay, toneColour } from '../queue/deadline-text';
import { Row } from './TicketSummary';

type Loaded = NonNullable<RequestResult<'tickets.get'>>;

const CLOCK_LABELS: Record<TicketDeadline['clock'], string> = {
  webPickup: 'Podjęcie formularza WWW (P§4.3)',
  reaction: 'Podjęcie przez grupę (P§16.2)',
  returnToOperator: 'Zwrot do operatora, jeśli niewłaściwe (P§19.4.1)',
  realization: 'Realizacja (P§18.1)',
};

const days = (n: number) => (n === 1 ? '1 dzień rob.' : `${n} dni rob.`);

/** Whether the clock was met, in words (the colour only repeats them). */
function verdict(d: TicketDeadline): { text: string; tone: keyof typeof toneColour } {
  switch (d.state) {
    case 'done':
      return { text: `dotrzymany — ${formatWarsawDateTime(d.doneAt!)}`, tone: 'ok' };
    case 'doneLate':
      return { text: `niedotrzymany — ${formatWarsawDateTime(d.doneAt!)}, ${days(d.workingDays ?? 0)} po terminie`, tone: 'late' };
    case 'late':
      return { text: `przekroczony o ${days(d.workingDays ?? 0)}`, tone: 'late' };
    case 'dueToday':
      return { text: 'upływa dziś', tone: 'today' };
    case 'onTime':
      return { text: `biegnie — zostało ${days(d.workingDays ?? 0)}`, tone: 'ok' };
    case 'closed':
      return { text: 'nie dotyczy — zgłoszenie poszło dalej', tone: 'none' };
  }
}

const person = (directory: Directory, id: string | null | undefined) => (id ? (directory.users?.[id]?.name ?? id) : null);

export function TicketProgress({ data, directory }: { data: Loaded; directory: Directory }) {
  const { ticket: t, deadlines, delayOwed } = data;
  const current = [t.coordinatorGroupId, t.realizerGroupId].filter(Boolean) as string[];
  const earlier = t.routedGroupIds.filter((g) => !current.includes(g));
  const lastReturn = t.returns.at(-1);
  const answer = t.answers.at(-1);
  return (
    <Paper sx={{ p: 2.5 }} component="section" aria-label="Przebieg (P§17.2)">
      <Typography variant="h6" component="h3" gutterBottom>
        Przebieg (P§17.2)
      </Typography>
      {t.status === 'suspended' && t.suspension && (
        <Alert severity="info" sx={{ mb: 1 }}>
          Zawieszone do <strong>{polishDay(t.suspension.until)}</strong> ({formatWarsawDateTime(t.suspension.at)},{' '}
          {person(directory, t.suspension.by)}). Przyczyna: {t.suspension.reason}
        </Alert>
      )}
      {t.status === 'returnedToCoordinator' && lastReturn?.to === 'coordinator' && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          Zwrócone przez {groupLabel(directory, lastReturn.fromGroupId)} {formatWarsawDateTime(lastReturn.at)} (
          {lastReturn.kind === 'postpone' ? 'do odłożenia' : 'nie należy do realizatora'}
          {lastReturn.postponeUntil ? `, do ${polishDay(lastReturn.postponeUntil)}` : ''}). Przyczyna: {lastReturn.reason}
        </Alert>
      )}
      {delayOwed.length > 0 && (
        <Alert severity="error" sx={{ mb: 1 }}>
          Termin realizacji minął: trzeba podać{' '}
          {delayOwed.map((f) => (f === 'delayReason' ? 'przyczynę opóźnienia' : 'planowany termin zakończenia')).join(' i ')} (P§18.2).
        </Alert>
      )}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(110px, 210px) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        <Row label="Etap">{statusLabels[t.status]}</Row>
        <Row label="Obsługuje teraz">
          {current.length === 0
            ? 'operator (centrum kontaktu)'
            : [
                t.coordinatorGroupId &&
                  `koordynator: ${groupLabel(directory, t.coordinatorGroupId)}${t.coordinatorId ? ` — ${person(directory, t.coordinatorId)}` : ' — jeszcze nikt nie podjął'}`,
                t.realizerGroupId &&
                  `realizator: ${groupLabel(directory, t.realizerGroupId)}${t.realizerId ? ` — ${person(directory, t.realizerId)}` : ' — jeszcze nikt nie podjął'}`,
              ]
                .filter(Boolean)
                .join('; ')}
        </Row>
        {earlier.length > 0 && <Row label="Obsługiwali wcześniej">{earlier.map((g) => groupLabel(directory, g)).join('; ')}</Row>}
        <Row label="Terminy">
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {deadlines.map((d) => {
              const v = verdict(d);
              return (
                <li key={d.clock}>
                  {CLOCK_LABELS[d.clock]}: do {formatWarsawDateTime(d.due)} —{' '}
                  <Box component="span" sx={{ color: toneColour[v.tone], fontWeight: v.tone === 'late' ? 700 : 500 }}>
                    {v.text}
                  </Box>
                </li>
              );
            })}
            {deadlines.length === 0 && <li>żaden termin procedury nie biegnie (zgłoszenie informacyjne, jeszcze nieprzekazane)</li>}
          </Box>
        </Row>
        <Row label="Czynności">
          {t.actions.length === 0
            ? 'brak odnotowanych czynności'
            : t.actions.map((a, i) => (
                <div key={i}>
                  {formatWarsawDateTime(a.doneAt)} — {actionKindLabels[a.kind]}: {a.note} ({person(directory, a.by)})
                </div>
              ))}
        </Row>
        {t.contractorOrders.length > 0 && (
          <Row label="Wykonawca">
            {t.contractorOrders.map((o, i) => (
              <div key={i}>
                {o.company}: zlecono {formatWarsawDateTime(o.orderedAt).slice(0, 10)}, termin wykonania {polishDay(o.dueOn)} —{' '}
                {o.state === 'accepted'
                  ? `odebrano ${o.acceptedAt ? formatWarsawDateTime(o.acceptedAt).slice(0, 10) : ''}, wykonano ${o.completedOn ? polishDay(o.completedOn) : '—'}`
                  : o.state === 'rejected'
                    ? `odrzucono ${o.rejectedAt ? formatWarsawDateTime(o.rejectedAt).slice(0, 10) : ''}: ${o.rejectionReason ?? ''}`
                    : 'w toku'}
              </div>
            ))}
          </Row>
        )}
        {t.plannedCompletion && (
          <Row label="Opóźnienie (P§18.2)">
            planowany termin {polishDay(t.plannedCompletion.plannedOn)} — przyczyna: {t.plannedCompletion.delayReason}
          </Row>
        )}
        {t.outcome && (
          <Row label={t.outcome.kind === 'notToBeDone' ? 'Dlaczego nie zrealizowano' : 'Zakończenie'}>
            {outcomeLabels[t.outcome.kind]}
            {t.outcome.completedOn && `, wykonano ${polishDay(t.outcome.completedOn)}`}
            {t.outcome.receivingEntity && ` — ${t.outcome.receivingEntity}`}
            {t.outcome.receivingUnitId && ` — ${lookup(directory.units, t.outcome.receivingUnitId)?.name ?? t.outcome.receivingUnitId}`}
            {t.outcome.reason && `; ${t.outcome.reason}`}
            {` (${formatWarsawDateTime(t.outcome.at)}, ${person(directory, t.outcome.by)})`}
          </Row>
        )}
        <Row label="Zgłaszający poinformowany">
          {answer
            ? `tak — ${formatWarsawDateTime(answer.answeredAt)}, ${answerMethodLabels[answer.how]}${answer.summary ? `: ${answer.summary}` : ''}`
            : t.reporter.wantsAnswer
              ? 'jeszcze nie — zgłaszający chce odpowiedzi (P§16.3)'
              : 'nie — zgłaszający nie oczekuje odpowiedzi'}
        </Row>
      </Box>
    </Paper>
  );
}
