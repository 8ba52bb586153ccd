import { Box, Paper, Stack, TextField, Typography } from '@mui/material';
import type { TemplateField } from '../../../src-shared/ticket';
import { fieldId } from '../../lib/focus';

interface Props {
  form: string;
  categoryName: string;
  fields: TemplateField[];
  answers: Record<string, string>;
  onAnswer(fieldId: string, value: string): void;
  errorField?: string;
  errorMessage?: string;
  /** The heading: a call script on the phone, the required information elsewhere (web form pickup). */
  title?: string;
}

/**
 * The call script: the minimal information the unit defined for this category (P§8.1.1, P§34),
 * to be asked in this order. Required questions are marked; the rules refuse a call without them.
 */
export function TemplateScript({
  form,
  categoryName,
  fields,
  answers,
  onAnswer,
  errorField,
  errorMessage,
  title = 'Skrypt rozmowy — zapytaj kolejno',
}: Props) {
  if (fields.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Kategoria „{categoryName}” nie ma własnego skryptu — zapytaj o miejsce i opis usterki.
      </Typography>
    );
  }
  return (
    <Paper variant="outlined" sx={{ p: 2, bgcolor: '#fbfcfe' }} component="section" aria-labelledby={`${form}-script-title`}>
      <Typography id={`${form}-script-title`} variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        {title}
      </Typography>
      <Stack spacing={1.5}>
        {fields.map((field, index) => {
          const path = `templateAnswers.${field.id}`;
          const error = errorField === path ? errorMessage : undefined;
          const id = fieldId(form, path);
          // The question in full above its answer: a script is read out, so it must not be cut short.
          return (
            <Box key={field.id} sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }}>
              <Typography aria-hidden sx={{ mt: 0.25, minWidth: 24, fontWeight: 700, color: 'primary.main' }}>
                {index + 1}.
              </Typography>
              <Box sx={{ flex: 1 }}>
                <Typography component="label" htmlFor={id} sx={{ display: 'block', fontWeight: 500, mb: 0.5 }}>
                  {field.label}
                  {field.required ? (
                    <Box component="span" sx={{ color: 'error.dark', fontWeight: 700 }}>
                      {' '}
                      * wymagane
                    </Box>
                  ) : (
                    <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
                      {' '}
                      (jeśli zgłaszający wie)
                    </Box>
                  )}
                </Typography>
                <TextField
                  id={id}
                  value={answers[field.id] ?? ''}
                  onChange={(e) => onAnswer(field.id, e.target.value)}
                  error={!!error}
                  helperText={error ?? field.hint}
                  fullWidth
                  size="small"
                  slotProps={{ htmlInput: { 'data-step': true, 'aria-required': field.required } }}
                />
              </Box>
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}
