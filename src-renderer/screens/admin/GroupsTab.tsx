// Groups of users (I§3): a symbol the unit's table names it by, coordinators or realizers, in one unit. A
// new or changed group, and its removal, wait for the super-supervisor's agreement (I§5.5).
import { useState } from 'react';
import { Alert, Button, MenuItem, TextField } from '@mui/material';
import { AdminGroup } from '../../../src-shared/api/admin';
import { desktop } from '../../api/desktop-client';
import { errorText } from '../../hooks/use-desktop';
import { FormDialog } from './FormDialog';
import { SearchTable } from './SearchTable';
import { fieldProps, GROUP_KIND_LABELS, slugOf, useAdminStore, useForm } from './admin-state';

type GroupForm = { id: string; symbol: string; name: string; unitId: string; kind: 'coordinator' | 'realizer'; isNew: boolean };
const blank: GroupForm = { id: '', symbol: '', name: '', unitId: '', kind: 'coordinator', isNew: true };

export function GroupsTab({ readOnly }: { readOnly: boolean }) {
  const { overview, load } = useAdminStore();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string }>();
  const form = useForm(AdminGroup, blank);
  const units = overview?.units ?? [];
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const edit = (values: GroupForm) => {
    form.reset(values);
    setOpen(true);
  };
  const waiting = (id: number) =>
    setNotice({ severity: 'success', text: `Zmiana nr ${id} czeka na uzgodnienie supernadzorcy (I§5.5) — zobacz „Zmiany struktury”.` });
  const save = () =>
    form
      .submit(async (group) => {
        const outcome = await desktop.call('admin.saveGroup', group as AdminGroup);
        if (outcome.change) waiting(outcome.change.id);
        await load();
      })
      .then((ok) => ok && setOpen(false));
  async function remove() {
    try {
      const outcome = await desktop.call('admin.removeGroup', { id: form.values.id });
      if (outcome.change) waiting(outcome.change.id);
      setOpen(false);
      await load();
    } catch (err) {
      setNotice({ severity: 'error', text: errorText(err) });
      setOpen(false);
    }
  }
  const v = form.values;
  return (
    <>
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(undefined)} sx={{ mb: 1.5 }}>
          {notice.text}
        </Alert>
      )}
      <SearchTable
        label="grupy"
        rows={overview?.groups ?? []}
        keyOf={(g) => g.id}
        searchText={(g) => `${g.symbol} ${g.name} ${unitName(g.unitId)}`}
        onOpen={(g) => edit({ ...g, isNew: false })}
        onAdd={readOnly ? undefined : () => edit({ ...blank, unitId: units[0]?.id ?? '' })}
        addLabel="Dodaj grupę"
        columns={[
          { label: 'Symbol', render: (g) => g.symbol },
          { label: 'Nazwa', render: (g) => g.name },
          { label: 'Rodzaj', render: (g) => GROUP_KIND_LABELS[g.kind] },
          { label: 'Jednostka', render: (g) => unitName(g.unitId) },
          { label: 'Otwarte zgłoszenia', render: (g) => g.openTickets },
        ]}
      />
      <FormDialog
        open={open}
        title={v.isNew ? 'Nowa grupa' : `Grupa ${v.symbol}`}
        onClose={() => setOpen(false)}
        onSave={save}
        saveLabel="Wyślij do uzgodnienia"
        busy={form.busy}
        problem={form.problem}
        readOnly={readOnly}
        notice={<Alert severity="info">Zmiana struktury grup zacznie obowiązywać po uzgodnieniu z supernadzorcą (I§5.5).</Alert>}
        extraActions={
          !readOnly && !v.isNew ? (
            <Button color="error" onClick={() => void remove()}>
              Usuń grupę
            </Button>
          ) : undefined
        }
      >
        <TextField
          label="Symbol grupy w aplikacji"
          {...fieldProps(form, 'symbol')}
          onChange={(e) => {
            form.set('symbol', e.target.value);
            if (v.isNew) form.set('id', slugOf(e.target.value));
          }}
          autoFocus
          required
        />
        <TextField label="Nazwa" {...fieldProps(form, 'name')} required />
        <TextField select label="Rodzaj" {...fieldProps(form, 'kind')}>
          <MenuItem value="coordinator">Koordynatorzy</MenuItem>
          <MenuItem value="realizer">Realizatorzy</MenuItem>
        </TextField>
        <TextField select label="Jednostka" {...fieldProps(form, 'unitId')} required>
          {units.map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
      </FormDialog>
    </>
  );
}
