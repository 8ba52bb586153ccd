import { Alert, Box, Checkbox, FormControlLabel, FormHelperText, Stack, Switch, TextField } from '@mui/material';
import { CONSENT_STATEMENT } from '../../lib/phrases';
import { fieldId } from '../../lib/focus';

export interface ReporterDraft {
  wantsAnswer: boolean;
  name: string;
  phone: string;
  email: string;
  postalAddress: string;
  consent: boolean;
}

interface Props {
  form: string;
  value: ReporterDraft;
  onChange(patch: Partial<ReporterDraft>): void;
  /** The refusal naming a reporter field (`reporter`, `reporter.phone`, `reporter.consent` …). */
  errorField?: string;
  errorMessage?: string;
  /** On the phone the consent statement is read out; a web form's reporter is not on the line. */
  readOut?: boolean;
}

/** P§8.1.2, P§26: contact data only when the caller wants an answer, with the consent statement read out. */
export function ReporterFields({ form, value, onChange, errorField, errorMessage, readOut = true }: Props) {
  const errorOf = (path: string) => (errorField === path ? errorMessage : undefined);
  const generalError = errorOf('reporter') ?? errorOf('reporter.wantsAnswer');
  return (
    <Box component="section" aria-label="Zgłaszający">
      <FormControlLabel
        control={
          <Switch
            id={fieldId(form, 'reporter.wantsAnswer')}
            checked={value.wantsAnswer}
            onChange={(e) => onChange({ wantsAnswer: e.target.checked })}
            slotProps={{ input: { 'data-step': true } as object }}
          />
        }
        label={readOut ? 'Zgłaszający chce odpowiedzi (spacja przełącza)' : 'Zgłaszający chce odpowiedzi'}
      />
      {value.wantsAnswer && (
        <Stack spacing={1.5} sx={{ mt: 1, pl: 1, borderLeft: 3, borderColor: 'primary.light' }}>
          {readOut && (
            <Alert severity="info" icon={false} sx={{ fontSize: '0.95rem' }}>
              <strong>Przeczytaj zgłaszającemu:</strong> {CONSENT_STATEMENT}
            </Alert>
          )}
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
            <TextField
              id={fieldId(form, 'reporter.phone')}
              label="Telefon"
              value={value.phone}
              onChange={(e) => onChange({ phone: e.target.value })}
              error={!!errorOf('reporter.phone') || !!generalError}
              helperText={errorOf('reporter.phone')}
              size="small"
              type="tel"
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
            <TextField
              id={fieldId(form, 'reporter.name')}
              label="Imię i nazwisko"
              value={value.name}
              onChange={(e) => onChange({ name: e.target.value })}
              error={!!errorOf('reporter.name')}
              helperText={errorOf('reporter.name')}
              size="small"
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
            <TextField
              id={fieldId(form, 'reporter.email')}
              label="E-mail"
              value={value.email}
              onChange={(e) => onChange({ email: e.target.value })}
              error={!!errorOf('reporter.email') || !!generalError}
              helperText={errorOf('reporter.email')}
              size="small"
              type="email"
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
            <TextField
              id={fieldId(form, 'reporter.postalAddress')}
              label="Adres do korespondencji"
              value={value.postalAddress}
              onChange={(e) => onChange({ postalAddress: e.target.value })}
              error={!!errorOf('reporter.postalAddress') || !!generalError}
              helperText={errorOf('reporter.postalAddress')}
              size="small"
              sx={{ gridColumn: '1 / -1' }}
              slotProps={{ htmlInput: { 'data-step': true } }}
            />
          </Box>
          {generalError && <FormHelperText error>{generalError}</FormHelperText>}
          <Box>
            <FormControlLabel
              control={
                <Checkbox
                  id={fieldId(form, 'reporter.consent')}
                  checked={value.consent}
                  onChange={(e) => onChange({ consent: e.target.checked })}
                  slotProps={{ input: { 'data-step': true } as object }}
                />
              }
              label="Zgłaszający podaje dane z własnej inicjatywy i zgadza się na ich zapisanie"
            />
            {errorOf('reporter.consent') && <FormHelperText error>{errorOf('reporter.consent')}</FormHelperText>}
          </Box>
        </Stack>
      )}
    </Box>
  );
}
