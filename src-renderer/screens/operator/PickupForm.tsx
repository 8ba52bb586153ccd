import { useMemo, useState } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { lookup, type AttachmentRef, type Refusal, type Ticket } from '../../../src-shared/ticket';
import { classify, isRefusal } from '../../../src-shared/ticket/checks';
import { refusalFor, useExecute, type Executed } from '../../hooks/use-execute';
import { enterMovesOn, fieldId, focusSoon } from '../../lib/focus';
import { reporterOf } from '../../lib/intake-command';
import { categoryChoices, type CategoryChoice } from '../../lib/category-search';
import { useConfigStore } from '../../state/config-store';
import { CategoryPicker } from '../intake/CategoryPicker';
import { TemplateScript } from '../intake/TemplateScript';
import { StreetField, type StreetValue } from '../intake/StreetField';
import { ReporterFields, type ReporterDraft } from '../intake/ReporterFields';
import { AttachmentsField } from '../intake/AttachmentsField';

const FORM = 'pickup';

/**
 * P§9: the operator picks up a web-form ticket: sets the category, moves the form's data into the
 * proper fields (subject, description, template answers, place, reporter), attaches the source
 * message unless the intake did, adds the RPW id if any.
 */
export function PickupForm({ ticket, onDone }: { ticket: Ticket; onDone(result: Executed): void }) {
  const ws = useConfigStore((s) => s.workstation)!;
  const initialChoice = useMemo(
    () =>
      categoryChoices(ws.categories).find(
        (c) => c.categoryId === ticket.categoryId && (c.subcategoryId ?? null) === ticket.subcategoryId,
      ) ?? null,
    [ws, ticket.categoryId, ticket.subcategoryId],
  );
  const [choice, setChoice] = useState<CategoryChoice | null>(initialChoice);
  const [subject, setSubject] = useState(ticket.subject);
  const [description, setDescription] = useState(ticket.description);
  const [answers, setAnswers] = useState<Record<string, string>>({ ...ticket.templateAnswers });
  const [street, setStreet] = useState<StreetValue | null>(
    ticket.location ? { id: ticket.location.streetId, name: ticket.location.address } : null,
  );
  const [obreb, setObreb] = useState(ticket.location?.obreb ?? '');
  const [dzialka, setDzialka] = useState(ticket.location?.dzialka ?? '');
  const [reporter, setReporter] = useState<ReporterDraft>({
    wantsAnswer: ticket.reporter.wantsAnswer,
    consent: ticket.reporter.consent,
    name: ticket.reporter.name ?? '',
    phone: ticket.reporter.phone ?? '',
    email: ticket.reporter.email ?? '',
    postalAddress: ticket.reporter.postalAddress ?? '',
  });
  /** The form's reporter data goes through unchanged unless the operator corrects it. */
  const [reporterTouched, setReporterTouched] = useState(false);
  const [rpwId, setRpwId] = useState('');
  const [attachments, setAttachments] = useState<AttachmentRef[]>([]);
  const { run, busy, refusal } = useExecute();

  const category = choice ? lookup(ws.directory.categories, choice.categoryId) : undefined;
  const stop: Refusal | undefined = useMemo(() => {
    if (!choice) return undefined;
    const result = classify({ directory: ws.directory, snowIceReferral: ws.snowIceReferral }, choice.categoryId, choice.subcategoryId);
    return isRefusal(result) && result.code === 'snowIce' ? result : undefined;
  }, [ws, choice]);
  const hasSource = ticket.attachments.some((a) => a.source);

  async function submit() {
    const address = street?.name.trim();
    const result = await run(
      {
        type: 'pickUpWebForm',
        categoryId: choice?.categoryId ?? '',
        subcategoryId: choice?.subcategoryId,
        subject: subject.trim(),
        description: description.trim() || undefined,
        templateAnswers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim())),
        location: address
          ? {
              ...(ticket.location ?? {}),
              address,
              streetId: street?.id,
              obreb: obreb.trim() || undefined,
              dzialka: dzialka.trim() || undefined,
            }
          : undefined,
        reporter: reporterTouched ? reporterOf(reporter) : undefined,
        rpwIds: rpwId.trim() ? [rpwId.trim()] : [],
        attachments,
      },
      ticket.number,
    );
    if (result) onDone(result);
    else focusSoon(fieldId(FORM, 'subject'));
  }

  const errorOf = (...paths: string[]) => refusalFor(refusal, ...paths);
  return (
    <Box
      component="form"
      data-script
      onKeyDown={enterMovesOn}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={`Podjęcie formularza ${ticket.number}`}
    >
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          Przenieś dane z formularza do właściwych pól (P§9). Treść formularza jest w opisie i w załączonej wiadomości źródłowej.
        </Typography>
        <CategoryPicker
          id={fieldId(FORM, 'categoryId')}
          categories={ws.categories}
          value={choice}
          autoFocus
          error={errorOf('categoryId', 'subcategoryId')}
          onChange={(c) => {
            setChoice(c);
            const next = c && lookup(ws.directory.categories, c.categoryId);
            if (next?.template?.length) focusSoon(fieldId(FORM, `templateAnswers.${next.template[0]!.id}`));
          }}
        />
        {stop && (
          <Alert severity="error" role="alert">
            {stop.message}
          </Alert>
        )}
        {category && !stop && (
          <TemplateScript
            form={FORM}
            categoryName={category.name}
            fields={category.template ?? []}
            answers={answers}
            onAnswer={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))}
            errorField={refusal?.field}
            errorMessage={refusal?.message}
            title="Informacje wymagane dla tej kategorii (przenieś z formularza)"
          />
        )}
        <TextField
          id={fieldId(FORM, 'subject')}
          label="Temat"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          required
          error={!!errorOf('subject')}
          helperText={errorOf('subject')}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        <TextField
          id={fieldId(FORM, 'description')}
          label="Opis (z formularza)"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          multiline
          minRows={2}
          error={!!errorOf('description')}
          helperText={errorOf('description')}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        <StreetField
          id={fieldId(FORM, 'street')}
          value={street}
          onChange={setStreet}
          label="Miejsce (ulica i numer)"
          error={errorOf('location', 'location.address')}
        />
        {category?.needsParcel && (
          <Stack direction="row" spacing={1.5}>
            <TextField
              label="Obręb geodezyjny"
              value={obreb}
              onChange={(e) => setObreb(e.target.value)}
              error={!!errorOf('location.obreb')}
              helperText={errorOf('location.obreb') ?? 'P§12.2'}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
            <TextField
              label="Numer działki"
              value={dzialka}
              onChange={(e) => setDzialka(e.target.value)}
              error={!!errorOf('location.dzialka')}
              helperText={errorOf('location.dzialka')}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
          </Stack>
        )}
        <ReporterFields
          form={FORM}
          readOut={false}
          value={reporter}
          onChange={(patch) => {
            setReporterTouched(true);
            setReporter((r) => ({ ...r, ...patch }));
          }}
          errorField={refusal?.field}
          errorMessage={refusal?.message}
        />
        <TextField
          id={fieldId(FORM, 'rpwId')}
          label="Identyfikator RPW (jeśli jest)"
          value={rpwId}
          onChange={(e) => setRpwId(e.target.value)}
          error={!!errorOf('rpwIds', 'rpwIds.0')}
          helperText={errorOf('rpwIds', 'rpwIds.0')}
          slotProps={{ htmlInput: { 'data-step': true } }}
        />
        {hasSource ? (
          <Typography variant="body2">
            Wiadomość źródłowa:{' '}
            {ticket.attachments
              .filter((a) => a.source)
              .map((a) => a.name)
              .join(', ')}{' '}
            (dołączona przy przyjęciu).
          </Typography>
        ) : (
          <AttachmentsField
            id={fieldId(FORM, 'attachments')}
            value={attachments}
            onChange={setAttachments}
            asSource
            label="Dołącz wiadomość źródłową (P§9.4)"
            error={errorOf('attachments')}
          />
        )}
        {refusal && (
          <Alert severity="error" role="alert">
            Nie podjęto: {refusal.message}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" size="large" disabled={busy || !!stop}>
            Podejmij formularz (Enter)
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
