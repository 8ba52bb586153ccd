// The audit log (I§5): every configuration change (who, when, before → after), every login and failed login;
// filtered by kind of entry, person and days, newest first, older pages on request.
import { useEffect, useState } from 'react';
import { Alert, Button, MenuItem, Stack, TextField } from '@mui/material';
import type { AdminResult } from '../../../src-shared/api/admin';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { SearchTable } from './SearchTable';
import { formatWhen } from './admin-state';

type Entry = AdminResult<'audit'>['entries'][number];

const KINDS: [string, string][] = [
  ['all', 'wszystko'],
  ['login', 'logowania (udane i nieudane)'],
  ['login.failed', 'nieudane logowania'],
  ['user', 'użytkownicy'],
  ['unit', 'jednostki'],
  ['structure', 'zmiany struktury grup'],
  ['category', 'kategorie'],
  ['calendar', 'kalendarz'],
  ['settings', 'ustawienia'],
  ['import', 'import tabel'],
];

const ACTION_WORDS: Record<string, string> = {
  'login.ok': 'logowanie',
  'login.failed': 'nieudane logowanie',
  'login.installationMismatch': 'logowanie z nierozpoznanego stanowiska',
  'user.add': 'dodanie użytkownika',
  'user.save': 'zmiana użytkownika',
  'user.resetPassword': 'reset hasła',
  'user.passwordChanged': 'zmiana hasła',
  'user.unlock': 'odblokowanie',
  'user.disable': 'wyłączenie konta',
  'user.enable': 'włączenie konta',
  'user.firstAdmin': 'pierwszy administrator',
  'unit.save': 'zmiana jednostki',
  'structure.requested': 'zmiana struktury zgłoszona',
  'structure.approved': 'zmiana struktury uzgodniona',
  'structure.rejected': 'zmiana struktury odrzucona',
  'structure.applied': 'zmiana struktury wprowadzona',
  'category.save': 'zmiana kategorii',
  'category.move': 'kolejność kategorii',
  'calendar.saveExtraDay': 'dzień szczególny',
  'calendar.removeExtraDay': 'usunięcie dnia szczególnego',
  'settings.save': 'ustawienia',
  'import.applied': 'import tabeli',
};

/** Before → after in one line: only what changed. */
function summary(details: Record<string, unknown>): string {
  const { before, after, ...rest } = details as { before?: Record<string, unknown>; after?: Record<string, unknown> };
  const parts: string[] = [];
  if (after && typeof after === 'object') {
    for (const [key, value] of Object.entries(after)) {
      const was = before?.[key];
      if (JSON.stringify(was) !== JSON.stringify(value))
        parts.push(`${key}: ${before ? `${JSON.stringify(was ?? null)} → ` : ''}${JSON.stringify(value)}`);
    }
  }
  for (const [key, value] of Object.entries(rest))
    if (key !== 'operations') parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return parts.join('; ');
}

export function AuditTab() {
  const [filter, setFilter] = useState({ action: 'all', actor: '', from: '', to: '' });
  const [entries, setEntries] = useState<Entry[]>([]);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function fetchPage(before?: number) {
    setProblem(undefined);
    try {
      const args = {
        ...(filter.action !== 'all' ? { action: filter.action } : {}),
        ...(filter.actor.trim() ? { actor: filter.actor.trim() } : {}),
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
        ...(before ? { before } : {}),
        limit: 200,
      };
      const page = await desktop.call('admin.audit', args);
      setEntries((old) => (before ? [...old, ...page.entries] : page.entries));
      setMore(page.entries.length === 200);
    } catch (err) {
      setProblem(errorText(err));
    }
  }
  useEffect(() => {
    void fetchPage();
    // Refetch when the filter changes.
  }, [filter]);

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5}>
        <TextField
          select
          size="small"
          label="Rodzaj"
          value={filter.action}
          onChange={(e) => setFilter({ ...filter, action: e.target.value })}
          sx={{ width: 280 }}
        >
          {KINDS.map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label="Kto (login)"
          value={filter.actor}
          onChange={(e) => setFilter({ ...filter, actor: e.target.value })}
        />
        <TextField
          size="small"
          type="date"
          label="Od"
          value={filter.from}
          onChange={(e) => setFilter({ ...filter, from: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          size="small"
          type="date"
          label="Do"
          value={filter.to}
          onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
      <SearchTable
        label="wpisy dziennika"
        rows={entries}
        keyOf={(e) => String(e.id)}
        searchText={(e) => `${e.actor} ${e.action} ${ACTION_WORDS[e.action] ?? ''} ${summary(e.details)}`}
        columns={[
          { label: 'Kiedy', render: (e) => formatWhen(e.at), width: 150 },
          { label: 'Kto', render: (e) => e.actor, width: 160 },
          { label: 'Co', render: (e) => ACTION_WORDS[e.action] ?? e.action, width: 230 },
          { label: 'Szczegóły (przed → po)', render: (e) => <span title={summary(e.details)}>{summary(e.details)}</span> },
        ]}
      />
      {more && (
        <Button onClick={() => void fetchPage(entries.at(-1)?.id)} sx={{ alignSelf: 'flex-start' }}>
          Starsze wpisy
        </Button>
      )}
    </Stack>
  );
}
