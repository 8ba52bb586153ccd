// Users (I§4): name, login, e-mail, roles, groups, supervised units; disable, reset password (a one-time
// password shown once), unlock after failed logins, last login.
import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { UserInput, type AdminUser } from '../../../src-shared/api/admin';
import { ROLES } from '../../../src-shared/api/hub';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { useAppStore } from '../../state/app-store';
import { FormDialog } from './FormDialog';
import { SearchTable } from './SearchTable';
import { fieldProps, formatWhen, ROLE_LABELS, useAdminStore, useForm } from './admin-state';

type UserForm = { id?: string; login: string; displayName: string; email: string; roles: string[]; groupIds: string[]; unitIds: string[] };
const blank: UserForm = { login: '', displayName: '', email: '', roles: [], groupIds: [], unitIds: [] };

export function UsersTab({ readOnly }: { readOnly: boolean }) {
  const { overview, load } = useAdminStore();
  const me = useAppStore((s) => s.user);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<AdminUser>();
  const [secret, setSecret] = useState<{ login: string; password: string }>();
  const [notice, setNotice] = useState<string>();
  const form = useForm(UserInput, blank);
  const groups = overview?.groups ?? [];
  const units = overview?.units ?? [];
  const symbolOf = (id: string) => groups.find((g) => g.id === id)?.symbol ?? id;

  const edit = (user?: AdminUser) => {
    setEditing(user);
    form.reset(
      user
        ? {
            id: user.id,
            login: user.login,
            displayName: user.displayName,
            email: user.email ?? '',
            roles: user.roles,
            groupIds: user.groupIds,
            unitIds: user.unitIds,
          }
        : blank,
    );
    setOpen(true);
  };
  const save = () =>
    form
      .submit(async (input) => {
        const saved = await desktop.call('admin.saveUser', input as UserInput);
        if (saved.oneTimePassword) setSecret({ login: saved.user.login, password: saved.oneTimePassword });
        await load();
      })
      .then((ok) => ok && setOpen(false));
  async function act(run: () => Promise<void>) {
    try {
      await run();
      await load();
      setOpen(false);
    } catch (err) {
      setNotice(errorText(err));
    }
  }
  const v = form.values;
  const toggleRole = (role: string, on: boolean) => form.set('roles', on ? [...v.roles, role] : v.roles.filter((r) => r !== role));

  return (
    <>
      {notice && (
        <Alert severity="error" onClose={() => setNotice(undefined)} sx={{ mb: 1.5 }}>
          {notice}
        </Alert>
      )}
      <SearchTable
        label="użytkownicy"
        rows={overview?.users ?? []}
        keyOf={(u) => u.id}
        searchText={(u) =>
          `${u.displayName} ${u.login} ${u.email ?? ''} ${u.roles.map((r) => ROLE_LABELS[r]).join(' ')} ${u.groupIds.map(symbolOf).join(' ')}`
        }
        onOpen={(u: AdminUser) => edit(u)}
        onAdd={readOnly ? undefined : () => edit()}
        addLabel="Dodaj użytkownika"
        columns={[
          { label: 'Imię i nazwisko', render: (u) => u.displayName },
          { label: 'Login', render: (u) => u.login },
          { label: 'E-mail', render: (u) => u.email ?? '—' },
          { label: 'Role', render: (u) => u.roles.map((r) => ROLE_LABELS[r]).join(', ') || '—' },
          { label: 'Grupy / jednostki', render: (u) => [...u.groupIds.map(symbolOf), ...u.unitIds].join(', ') || '—' },
          { label: 'Ostatnie logowanie', render: (u) => formatWhen(u.lastLoginAt) },
          {
            label: 'Stan',
            render: (u) => (
              <Stack direction="row" spacing={0.5}>
                {u.disabled && <Chip size="small" label="wyłączony" />}
                {u.mustChangePassword && <Chip size="small" color="info" label="hasło jednorazowe" />}
                {u.recentFailures >= 5 && <Chip size="small" color="warning" label={`${u.recentFailures} nieudanych logowań`} />}
                {!u.disabled && !u.mustChangePassword && u.recentFailures < 5 && 'aktywny'}
              </Stack>
            ),
          },
        ]}
      />
      <FormDialog
        open={open}
        title={editing ? `Użytkownik: ${editing.displayName}` : 'Nowy użytkownik'}
        onClose={() => setOpen(false)}
        onSave={save}
        busy={form.busy}
        problem={form.problem}
        readOnly={readOnly}
        notice={
          !editing && (
            <Alert severity="info">
              Nowe konto dostaje hasło jednorazowe, pokazane raz po zapisaniu; użytkownik zmienia je przy pierwszym logowaniu.
            </Alert>
          )
        }
        extraActions={
          editing &&
          !readOnly && (
            <>
              <Button
                onClick={() =>
                  void act(async () => {
                    const { oneTimePassword } = await desktop.call('admin.resetPassword', { id: editing.id });
                    setSecret({ login: editing.login, password: oneTimePassword });
                  })
                }
              >
                Resetuj hasło
              </Button>
              {editing.recentFailures > 0 && (
                <Button onClick={() => void act(async () => void (await desktop.call('admin.unlockUser', { id: editing.id })))}>
                  Odblokuj ({editing.recentFailures})
                </Button>
              )}
              {editing.id !== me?.id && (
                <Button
                  color={editing.disabled ? 'primary' : 'error'}
                  onClick={() =>
                    void act(
                      async () => void (await desktop.call('admin.setUserDisabled', { id: editing.id, disabled: !editing.disabled })),
                    )
                  }
                >
                  {editing.disabled ? 'Włącz konto' : 'Wyłącz konto'}
                </Button>
              )}
            </>
          )
        }
      >
        <TextField label="Imię i nazwisko" {...fieldProps(form, 'displayName')} autoFocus required />
        <TextField label="Login" {...fieldProps(form, 'login')} required />
        <TextField label="Adres e-mail" type="email" {...fieldProps(form, 'email')} />
        <div>
          <FormLabel component="legend">Role (I§4)</FormLabel>
          <FormGroup row>
            {ROLES.map((role) => (
              <FormControlLabel
                key={role}
                control={<Checkbox checked={v.roles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />}
                label={ROLE_LABELS[role]}
              />
            ))}
          </FormGroup>
          {form.errors.roles && <FormHelperText error>{form.errors.roles}</FormHelperText>}
        </div>
        <Autocomplete
          multiple
          options={groups.map((g) => g.id)}
          value={v.groupIds}
          onChange={(_e, value) => form.set('groupIds', value)}
          getOptionLabel={(id) => {
            const g = groups.find((x) => x.id === id);
            return g ? `${g.symbol} — ${g.name}` : id;
          }}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Grupy koordynatorów / realizatorów"
              error={Boolean(form.errors.groupIds)}
              helperText={form.errors.groupIds}
            />
          )}
        />
        <Autocomplete
          multiple
          options={units.map((u) => u.id)}
          value={v.unitIds}
          onChange={(_e, value) => form.set('unitIds', value)}
          getOptionLabel={(id) => units.find((u) => u.id === id)?.name ?? id}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Jednostki nadzorowane (nadzorca)"
              error={Boolean(form.errors.unitIds)}
              helperText={form.errors.unitIds}
            />
          )}
        />
        {editing && (
          <Typography variant="body2" color="text.secondary">
            Ostatnie logowanie: {formatWhen(editing.lastLoginAt)} · nieudane logowania (ostatnio): {editing.recentFailures}
          </Typography>
        )}
      </FormDialog>
      <OneTimePasswords passwords={secret ? [secret] : []} onClose={() => setSecret(undefined)} />
    </>
  );
}

/** One-time passwords shown once: the admin hands them over; they must be changed at the first login. */
export function OneTimePasswords({ passwords, onClose }: { passwords: { login: string; password: string }[]; onClose(): void }) {
  return (
    <Dialog open={passwords.length > 0} onClose={onClose} aria-labelledby="otp-title">
      <DialogTitle id="otp-title">Hasła jednorazowe</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Zapisz lub przekaż je teraz — nie będą pokazane ponownie. Przy pierwszym logowaniu użytkownik ustawi własne hasło.
        </Alert>
        {passwords.map((p) => (
          <Typography key={p.login} sx={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="one-time-password">
            {p.login}: <strong>{p.password}</strong>
          </Typography>
        ))}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} autoFocus>
          Zapisałem, zamknij
        </Button>
      </DialogActions>
    </Dialog>
  );
}
