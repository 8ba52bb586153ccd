// The settings a city used to set by environment variables on the hub.
import { useEffect } from 'react';
import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { AdminSettings } from '../../../src-shared/api/admin';
import { desktop } from '../../api/desktop-client';
import { fieldProps, useAdminStore, useForm } from './admin-state';

export function SettingsTab({ readOnly }: { readOnly: boolean }) {
  const { overview, load } = useAdminStore();
  const form = useForm(AdminSettings, { snowIceReferral: '' });
  const saved = overview?.settings.snowIceReferral ?? '';
  const { reset } = form;
  useEffect(() => reset({ snowIceReferral: saved }), [saved, reset]);
  const save = () =>
    form.submit(async (settings) => {
      await desktop.call('admin.saveSettings', settings as AdminSettings);
      await load();
    });
  return (
    <Paper variant="outlined" sx={{ p: 2.5, maxWidth: 720 }} component="form" onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack spacing={2}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
          Ustawienia miasta
        </Typography>
        <TextField
          label="Śnieg i lód — dokąd kierować zgłaszającego (P§5.2)"
          {...fieldProps(form, 'snowIceReferral')}
          helperText={
            form.errors.snowIceReferral ?? 'Np. „tel. 42 638 44 44” — operator przekazuje to zgłaszającemu przy odmowie przyjęcia.'
          }
          disabled={readOnly}
        />
        {form.problem && <Alert severity="error">{form.problem}</Alert>}
        {!readOnly && (
          <Stack direction="row">
            <Button type="submit" variant="contained" disabled={form.busy}>
              Zapisz ustawienia
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
