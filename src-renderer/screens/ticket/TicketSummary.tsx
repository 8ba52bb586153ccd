import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { formatWarsawDateTime } from '../../../src-shared/format';
import {
  canSeePersonalData,
  channelLabels,
  kindLabels,
  lookup,
  statusLabels,
  type Directory,
  type Ticket,
} from '../../../src-shared/ticket';
import { useConfigStore } from '../../state/config-store';
import { categoryLabel, groupLabel } from '../../lib/directory';
import { TicketNumber } from '../../components/TicketNumber';
import { statusSentence } from '../../lib/ticket-words';
import { AttachmentLinks } from './AttachmentLinks';

/** One line of a ticket's facts: a term and its value (the summary's and the P§17.2 panel's). */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {children}
      </Typography>
    </>
  );
}

/** What the ticket is and where it stands (P§17.2), in plain Polish. */
export function TicketSummary({ ticket, directory, pending }: { ticket: Ticket; directory: Directory; pending?: boolean }) {
  const actor = useConfigStore((s) => s.workstation?.actor);
  // The ticket comes without contact data for whoever may not see it (redactForActor): hidden is not absent.
  const mayReadPersonalData = !actor || canSeePersonalData(actor, ticket, directory);
  const category = lookup(directory.categories, ticket.categoryId);
  const lastReturn = ticket.returns.at(-1);
  const contact = [ticket.reporter.name, ticket.reporter.phone, ticket.reporter.email, ticket.reporter.postalAddress]
    .filter(Boolean)
    .join(', ');
  return (
    <Paper sx={{ p: 2.5 }} component="section" aria-label={`Zgłoszenie ${ticket.number}`}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }}>
        <TicketNumber number={ticket.number} size="medium" />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip color="primary" label={statusLabels[ticket.status]} sx={{ fontSize: '1rem', fontWeight: 700 }} />
          {pending && <Chip variant="outlined" label="zmiany czekają na wysłanie" />}
          {ticket.capturedDuringOutage && <Chip variant="outlined" label="przyjęte podczas awarii" />}
        </Stack>
      </Stack>
      <Typography variant="h6" component="h3" sx={{ mt: 1 }}>
        {ticket.subject}
      </Typography>
      <Typography sx={{ mt: 0.5, fontWeight: 500 }} data-testid="status-sentence">
        {statusSentence(ticket, directory)}
      </Typography>
      {lastReturn && ticket.status === 'returnedToOperator' && (
        <Alert severity="warning" sx={{ my: 1 }}>
          Zwrócone przez {groupLabel(directory, lastReturn.fromGroupId)} {formatWarsawDateTime(lastReturn.at)}.
          {lastReturn.rightAddressee && (
            <>
              {' '}
              Właściwy adresat: <strong>{lastReturn.rightAddressee}</strong>.
            </>
          )}
          {lastReturn.reason && <> Przyczyna: {lastReturn.reason}</>}
        </Alert>
      )}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(110px, 210px) 1fr', columnGap: 2, rowGap: 0.5, m: 0, mt: 1 }}>
        <Row label="Kategoria">
          {categoryLabel(directory, ticket.categoryId, ticket.subcategoryId)} ({kindLabels[ticket.kind]})
        </Row>
        <Row label="Kanał">{channelLabels[ticket.channel]}</Row>
        <Row label="Wpłynęło">{formatWarsawDateTime(ticket.times.receivedAt)}</Row>
        {ticket.location && (
          <Row label="Miejsce">
            {ticket.location.address}
            {ticket.location.obreb && `, obręb ${ticket.location.obreb}`}
            {ticket.location.dzialka && `, działka ${ticket.location.dzialka}`}
          </Row>
        )}
        {ticket.description && <Row label="Opis">{ticket.description}</Row>}
        {(category?.template ?? [])
          .filter((f) => ticket.templateAnswers[f.id])
          .map((f) => (
            <Row key={f.id} label={f.label}>
              {ticket.templateAnswers[f.id]}
            </Row>
          ))}
        <Row label="Zgłaszający">
          {ticket.personalDataErased
            ? 'dane osobowe usunięte'
            : contact || (mayReadPersonalData ? 'anonimowo' : 'dane osobowe ukryte — Twoja rola nie ma do nich dostępu')}
          {ticket.reporter.wantsAnswer ? ' · chce odpowiedzi' : ' · nie oczekuje odpowiedzi'}
        </Row>
        {ticket.rpwIds.length > 0 && <Row label="RPW">{ticket.rpwIds.join(', ')}</Row>}
        {ticket.attachments.length > 0 && (
          <Row label="Załączniki">
            <AttachmentLinks ticket={ticket} />
          </Row>
        )}
        {ticket.links.splitParts.length > 0 && (
          <Row label="Części zgłoszenia">
            {ticket.links.splitParts.map((p) => `${p.number}: ${p.scope}${p.addressee ? ` (${p.addressee})` : ''}`).join('; ')}
          </Row>
        )}
        {ticket.links.followUpOf && <Row label="Dotyczy zgłoszenia">{ticket.links.followUpOf}</Row>}
        {ticket.links.followUps.length > 0 && <Row label="Kolejne zapytania">{ticket.links.followUps.join(', ')}</Row>}
      </Box>
    </Paper>
  );
}
